package org.anodekmc.engine;

import org.anodekmc.TestConfigs;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.run.Engines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine updates only the events near each change. After every event of a run, a recomputation of every event
 * of the box from scratch must find the catalogue exactly as the incremental updates left it: the skipped updates
 * were all no-ops.
 */
class CatalogueConsistencyTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "hops: {law: metropolis, secondShell: true}\ncontrol: {mode: galvanostatic, currentDensity: 3.0}",
            "hops: {law: bond-counting, neighbourBarrier: 0.05, secondShell: true}\n"
                    + "control: {mode: potentiostatic, overpotential: 0.02}",
            "hops: {law: bond-counting, neighbourBarrier: 0.05, secondShell: false}\nkeepDepositConnected: false\n"
                    + "supply: {mode: ballistic}\ncontrol: {mode: galvanostatic, currentDensity: 50}",
            "hops: {law: metropolis, secondShell: true}\nkeepDepositConnected: false\n"
                    + "control: {mode: potentiostatic, overpotential: 0.04}",
            "hops: {law: metropolis, secondShell: true}\nsupply: {mode: diffusion-limited}\n"
                    + "control: {mode: galvanostatic, currentDensity: 20}"})
    void incrementalUpdatesMatchAFullRecomputation(String physics) {
        checkEveryEvent("simple-cubic", 0, physics);
    }

    static Stream<Arguments> crystals() {
        return Lattice.TYPES.stream().filter(type -> !type.equals("sc")).flatMap(type -> Stream.of(
                Arguments.of(type, "hops: {law: metropolis, secondShell: true}\n"
                        + "control: {mode: galvanostatic, currentDensity: 3.0}"),
                Arguments.of(type, "hops: {law: bond-counting, neighbourBarrier: 0.05, secondShell: true}\n"
                        + "control: {mode: potentiostatic, overpotential: 0.02}")));
    }

    /** The same on every crystal lattice, with the connectivity rule and single-atom sites with lateral bonds. */
    @ParameterizedTest
    @MethodSource("crystals")
    void incrementalUpdatesMatchAFullRecomputationOnEveryLattice(String lattice, String physics) {
        checkEveryEvent(lattice, 0.02, physics);
    }

    private static void checkEveryEvent(String lattice, double lateralBond, String physics) {
        Simulation sim = Engines.build(TestConfigs.yaml(TestConfigs.metal(0.05, 0.3) + """
                seed: 17
                lattice: {type: %s, size: [10, 10, 12], initialMetalLayers: 1, substrateLayers: %d}
                substrate:
                  host: {name: H, bondEnergy: 0.04, terraceBarrier: 0.3}
                  sites: [{name: S, bondEnergy: 0.3, lateralBondEnergy: %s, fraction: 0.1}]
                stop: {events: 1}
                """.formatted(lattice, TestConfigs.reach(lattice), lateralBond) + physics));
        for (int i = 0; i < 4000 && !sim.boxFull(); i++) {
            sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, sim.events() + 1);
            assertNull(sim.catalogueMismatch());
        }
        assertTrue(sim.events() > 1000, "events " + sim.events());
    }

    /** Atoms in the top layer have moves whose bridge sites (bcc001) or targets lie above the box. */
    @ParameterizedTest
    @MethodSource("crystals")
    void aRunFillsItsBoxToTheTop(String lattice, String physics) {
        Simulation sim = Engines.build(TestConfigs.yaml(TestConfigs.metal(0.05, 0.3) + """
                seed: 3
                lattice: {type: %s, size: [8, 8, 5], substrateLayers: %d}
                substrate: {host: {name: H, bondEnergy: 0.04, terraceBarrier: 0.3}}
                stop: {events: 1}
                """.formatted(lattice, TestConfigs.reach(lattice)) + physics.replace("0.02}", "0.3}").replace("3.0}", "300.0}")));
        for (int i = 0; i < 100 && !sim.boxFull(); i++) {
            sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, sim.events() + 2000);
            assertNull(sim.catalogueMismatch());
        }
        assertTrue(sim.boxFull(), lattice + " " + physics);
    }
}
