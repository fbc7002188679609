package org.anodekmc.config;

/**
 * One simulation, fully resolved: presets merged, defaults filled in, validated. Units: eV, s, K, Å, mA/cm², μF/cm²,
 * V (see docs/config.md).
 *
 * @param keepDepositConnected metal cut off the substrate becomes dead (no events) until plating touches it again
 *                             (metal needs an electronic path to the current collector); off only for thin-film
 *                             benchmarks
 */
public record SimulationConfig(
        String name,
        long seed,
        double temperature,
        LatticeConfig lattice,
        MetalConfig metal,
        SubstrateConfig substrate,
        HopConfig hops,
        boolean keepDepositConnected,
        SupplyConfig supply,
        ControlConfig control,
        StopConfig stop,
        OutputConfig output) {

    public SimulationConfig withSeed(long newSeed) {
        return new SimulationConfig(name, newSeed, temperature, lattice, metal, substrate, hops, keepDepositConnected,
                supply, control, stop, output);
    }
}
