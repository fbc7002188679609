package org.anodekmc.config;

import java.util.Map;

/**
 * The depositing metal. {@code sources} says where each number comes from (paper, DFT value or calibrated model
 * value); fields overridden in a run config are marked as such by the loader.
 *
 * @param charge                 n, electrons per ion (1 for Li/Na, 2 for Zn)
 * @param atomicVolume           Ω in Å³; the lattice constant is Ω^(1/3)
 * @param bondEnergy             ε_MM in eV (positive = attractive)
 * @param terraceBarrier         E_0 for hops on the metal, eV
 * @param schwoebelBarrier       extra barrier E_ES for hops across a step edge, eV
 * @param attemptFrequency       ν in 1/s
 * @param interfacialEnergy      γ of the metal/electrolyte interface in J/m², or null; when given, ε_MM follows from it
 *                               ({@link EnergyMapping#metalBond})
 * @param cohesiveEnergy         eV per atom, or null: the metal's own binding, the reference of single-atom sites
 * @param electrolyte            the electrolyte preset a run uses unless it names one (electrolytes.yaml)
 */
public record MetalConfig(
        String preset,
        String name,
        int charge,
        double atomicVolume,
        double bondEnergy,
        double terraceBarrier,
        double schwoebelBarrier,
        double attemptFrequency,
        Double interfacialEnergy,
        Double cohesiveEnergy,
        String electrolyte,
        Map<String, String> sources) {
}
