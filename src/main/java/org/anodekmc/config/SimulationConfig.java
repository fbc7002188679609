package org.anodekmc.config;

/**
 * One simulation, fully resolved: presets merged, defaults filled in, validated. Units: eV, s, K, Å, mA/cm², μF/cm²,
 * V (see docs/config.md).
 *
 * @param units                physical (the default) or reduced: a reduced-unit config (kT and ν set to 1, as in
 *                             thin-film benchmarks) skips the physical plausibility warnings
 * @param keepDepositConnected metal cut off the substrate becomes dead (no events) until plating touches it again
 *                             (metal needs an electronic path to the current collector); off only for thin-film
 *                             benchmarks
 * @param engine               threads of the run; null (the section left out) for one thread
 */
public record SimulationConfig(
        String name,
        long seed,
        UnitSystem units,
        double temperature,
        LatticeConfig lattice,
        MetalConfig metal,
        ElectrolyteConfig electrolyte,
        SubstrateConfig substrate,
        HopConfig hops,
        boolean keepDepositConnected,
        SupplyConfig supply,
        ControlConfig control,
        StopConfig stop,
        OutputConfig output,
        @Optional EngineConfig engine) {
    /** A section a config may leave out (its component is then null, and the resolved config leaves it out too). */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.RECORD_COMPONENT)
    public @interface Optional {
    }

    /** Physical units, or reduced units (kT and ν set to 1) as in thin-film benchmarks. */
    public enum UnitSystem implements ConfigChoice { PHYSICAL, REDUCED }

    public SimulationConfig withSeed(long newSeed) {
        return new SimulationConfig(name, newSeed, units, temperature, lattice, metal, electrolyte, substrate, hops,
                keepDepositConnected, supply, control, stop, output, engine);
    }
}
