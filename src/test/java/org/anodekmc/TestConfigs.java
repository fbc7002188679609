package org.anodekmc;

import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.lattice.SimpleCubicLattice;
import org.anodekmc.model.LatticeBonds;
import org.anodekmc.model.RateModel;

/** Builds configs for tests from YAML text, through the same loader as the command line. */
public final class TestConfigs {
    private static final ConfigLoader LOADER = ConfigLoader.withBuiltInPresets();

    private TestConfigs() {
    }

    public static SimulationConfig yaml(String text) {
        return LOADER.fromYaml(text, "test");
    }

    /**
     * A Li-like metal with explicit, round numbers so that tests do not depend on the presets.
     *
     * @param bond ε_MM in eV
     */
    public static String metal(double bond, double terraceBarrier) {
        return """
                metal:
                  name: M
                  charge: 1
                  atomicVolume: 21.62
                  bondEnergy: %s
                  terraceBarrier: %s
                  schwoebelBarrier: 0.0
                  attemptFrequency: 1.0e13
                electrolyte:
                  name: E
                  exchangeCurrentDensity: 1.0
                  transferCoefficient: 0.5
                  activationEnergy: 0.0
                  referenceTemperature: 298.15
                """.formatted(bond, terraceBarrier);
    }

    /** {@link #metal} on a plain host without single-atom sites. */
    public static String metalOnPlainHost(double bond, double terraceBarrier) {
        return metal(bond, terraceBarrier) + "substrate: {host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.45}}\n";
    }

    /**
     * How many layers the first shell of a lattice (its type as lattice.type spells it) reaches: 2 on hcp1120, whose
     * layers lie half a bond apart, else 1. That many substrate layers it needs at least.
     */
    public static int reach(String type) {
        return type.equals("simple-cubic") ? 1 : Lattice.of(type, 4, 4, 4).reach();
    }

    /**
     * The rate model of a config on simple cubic, with the given substrate bindings by environment code (all codes
     * but 0 of the first layer).
     */
    public static RateModel rateModel(SimulationConfig c, double[] substrateBinding) {
        Lattice lattice = new SimpleCubicLattice(1, 1, 1);
        int[] firstLayer = new int[substrateBinding.length];
        firstLayer[0] = -1;
        return new RateModel(c, lattice, new LatticeBonds(c, lattice), substrateBinding, firstLayer);
    }
}
