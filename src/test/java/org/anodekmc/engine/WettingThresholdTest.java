package org.anodekmc.engine;

import org.anodekmc.TestConfigs;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.run.Engines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lattice's wetting threshold: at η = 0 a complete first metal layer on the host has, per atom, the host bond
 * ε_s and two lateral bonds (four shared), against the kink's three bonds, so it is stable exactly when ε_s > ε_MM
 * (docs/model.md, "Energy mapping"), not when ε_s exceeds B_kink = 3ε_MM. With ε_MM well above the square lattice
 * gas's critical coupling (ε/kT = 3.1 against 1.76), the first layer is a two-phase system: whether it starts empty
 * or full, it ends full above the threshold and empty below it.
 */
class WettingThresholdTest {
    private static final double BOND = 0.08;
    private static final int SIZE = 24;

    private static double firstLayerCoverage(double hostBond, int initialLayers, long seed) {
        return firstLayerCoverage("simple-cubic", hostBond, initialLayers, seed);
    }

    private static double firstLayerCoverage(String lattice, double hostBond, int initialLayers, long seed) {
        Simulation sim = Engines.build(TestConfigs.yaml(TestConfigs.metal(BOND, 0.5) + """
                seed: %d
                lattice: {type: %s, size: [%d, %d, 8], initialMetalLayers: %d, substrateLayers: %d}
                substrate: {host: {name: H, bondEnergy: %s, terraceBarrier: 0.5}}
                hops: {enabled: false}
                keepDepositConnected: false
                control: {mode: potentiostatic, overpotential: 0.0}
                stop: {events: 1}
                """.formatted(seed, lattice, SIZE, SIZE, initialLayers, TestConfigs.reach(lattice),
                hostBond)));
        sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, 400_000);
        Lattice l = sim.lattice();
        int metal = 0;
        for (int c = 0; c < l.columns(); c++) {
            metal += sim.species(l.site(c, sim.surfaceZ())) == Species.METAL ? 1 : 0;
        }
        return metal / (double) l.columns();
    }

    @ParameterizedTest(name = "ε_s = {0}·ε_MM from {1} layer(s): first layer full = {2}")
    @CsvSource({
            "0.7, 0, false", "0.7, 1, false",
            "1.3, 0, true", "1.3, 1, true",
            // between the lattice's threshold ε_MM and B_kink = 3ε_MM: wetted
            "2.0, 0, true"})
    void firstLayerIsStableExactlyAboveTheMetalBond(double hostOverMetal, int initialLayers, boolean full) {
        double coverage = firstLayerCoverage(hostOverMetal * BOND, initialLayers, 5);
        assertTrue(full ? coverage > 0.9 : coverage < 0.1, "first-layer coverage " + coverage);
    }

    /**
     * The threshold is per bond on every lattice: a first-layer atom has n_below host bonds and n_beside/2 lateral
     * ones, against B_kink = n_below + n_beside/2 metal bonds (bonds converted as model/LatticeBonds says, which keeps
     * the ratio ε_s/ε_MM). bcc001's first layer has no lateral bonds, so it does not separate into two phases: alone
     * it would be an ideal lattice gas on the host with coverage 1/(1 + exp(−4(ε_s − ε_MM)/kT)), 6 % and 94 % here
     * with the bcc bond; hence the wider bounds.
     */
    static Stream<Arguments> crystals() {
        return Lattice.TYPES.stream().filter(type -> !type.equals("sc"))
                .flatMap(type -> Stream.of(Arguments.of(type, 0.7, false), Arguments.of(type, 1.3, true)));
    }

    @ParameterizedTest(name = "{0}: ε_s = {1}·ε_MM, first layer full = {2}")
    @MethodSource("crystals")
    void theThresholdHoldsOnEveryLattice(String lattice, double hostOverMetal, boolean full) {
        double coverage = firstLayerCoverage(lattice, hostOverMetal * BOND, 0, 5);
        assertTrue(full ? coverage > 0.85 : coverage < 0.15, lattice + " first-layer coverage " + coverage);
    }
}
