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
        String electrolyte,
        Map<String, String> sources) {
}
