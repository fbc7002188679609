package org.anodekmc.config;

import java.util.Map;

/**
 * The bare substrate material, with the values that belong to the chosen metal.
 *
 * @param bondEnergy     ε_host in eV: binding of a metal atom to one host site below it
 * @param terraceBarrier E_0 for metal hops on the host, eV
 * @param contactAngle   degrees, or null: the metal's contact angle on the host; when given, ε_host follows from it
 *                       ({@link EnergyMapping#hostBond})
 */
public record HostConfig(String preset, String name, double bondEnergy, double terraceBarrier, Double contactAngle,
                         Map<String, String> sources) {
}
