package org.anodekmc.engine;

import org.anodekmc.TestConfigs;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.run.Engines;
import org.anodekmc.units.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flat metal surface held at η = 0 is at equilibrium with the electrolyte: it neither grows nor shrinks, and its
 * adatoms and surface vacancies follow the Boltzmann factors of bond counting (docs/model.md). The ratio tested is
 * exact for detailed balance: the probability of an isolated adatom on a site over that of the same site empty (in
 * the same surroundings) is exp((B − B_kink)/kT), with B = ε on simple cubic (the atom below) and B_kink = 3ε; on
 * every lattice B counts the atoms below an adatom, or below and beside a vacancy, with the lattice's bond 6ε/Z.
 */
class EquilibriumTest {
    private static final double BOND = 0.06;
    private static final int LAYERS = 4;
    private static final int SIZE = 48;

    private static Simulation surface(double eta, boolean hops, long seed) {
        return surface(eta, hops, "metropolis", seed);
    }

    /** The bond-counting law runs with E_n = ε_MM, so that its hops obey detailed balance in the redox energies. */
    private static Simulation surface(double eta, boolean hops, String law, long seed) {
        return surface("simple-cubic", SIZE, eta, hops, law, seed);
    }

    private static Simulation surface(String lattice, int size, double eta, boolean hops, String law, long seed) {
        return surface(lattice, size, eta, hops, law, 0.0, seed);
    }

    private static Simulation surface(String lattice, int size, double eta, boolean hops, String law,
                                      double schwoebelBarrier, long seed) {
        return surface(lattice, size, eta, hops, law, schwoebelBarrier, seed, "");
    }

    private static Simulation surface(String lattice, int size, double eta, boolean hops, String law,
                                      double schwoebelBarrier, long seed, String engine) {
        // 12 layers, twice as many on hcp1120, whose layers lie half a bond apart: its rough (11̄20) face needs room
        int reach = TestConfigs.reach(lattice);
        String metal = TestConfigs.metal(BOND, 0.35).replace("schwoebelBarrier: 0.0",
                "schwoebelBarrier: " + schwoebelBarrier);
        return Engines.build(TestConfigs.yaml(metal + """
                seed: %d
                lattice: {type: %s, size: [%d, %d, %d], initialMetalLayers: %d, substrateLayers: %d}
                substrate: {host: {name: H, bondEnergy: 0.3, terraceBarrier: 0.35}}
                hops: {enabled: %s, law: %s, neighbourBarrier: %s, secondShell: true}
                control: {mode: potentiostatic, overpotential: %s}
                stop: {events: 1}
                """.formatted(seed, lattice, size, size, 12 * reach, LAYERS, reach, hops, law, BOND, eta) + engine));
    }

    /** Counts of [isolated adatom, empty adatom site, surface vacancy, filled surface site] over many samples. */
    private static long[] sample(Simulation sim, long equilibrate, long eventsPerSample, int samples) {
        sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, equilibrate);
        long[] counts = new long[4];
        Lattice l = sim.lattice();
        int top = sim.surfaceZ() + LAYERS - 1;
        for (int i = 0; i < samples; i++) {
            sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, sim.events() + eventsPerSample);
            for (int c = 0; c < l.columns(); c++) {
                classify(sim, l, c, top + 1, counts, 0);
                classify(sim, l, c, top, counts, 2);
            }
        }
        return counts;
    }

    /**
     * A site whose neighbours below are all metal, whose neighbours above are all empty and whose neighbours in its
     * layer are all empty (adatom layer) or all metal (surface layer) is counted as occupied or empty.
     */
    private static void classify(Simulation sim, Lattice l, int column, int z, long[] counts, int offset) {
        boolean lateralMetal = offset == 2;
        int site = l.site(column, z);
        for (int d = 0; d < l.coordination(); d++) {
            boolean metal = sim.species(l.neighbour(site, d)) == Species.METAL;
            if (metal != (l.dz(d) < 0 || l.dz(d) == 0 && lateralMetal)) {
                return;
            }
        }
        boolean metal = sim.species(site) == Species.METAL;
        counts[offset + (metal == (offset == 0) ? 0 : 1)]++;
    }

    private static double boltzmann() {
        return Math.exp(-2 * BOND / Units.kT(298.15));
    }

    /** exp((B − B_kink)/kT) for a site with this many metal neighbours, in the lattice's bond 6ε/Z. */
    private static double odds(Lattice l, int neighbours) {
        return Math.exp((neighbours * 6 * BOND / l.coordination() - 3 * BOND) / Units.kT(298.15));
    }

    /**
     * A step-edge barrier on every layer-changing hop, up and down (on sc the vertical first-shell moves as well as
     * the second-shell ones), slows the crossing of steps but keeps the Boltzmann distribution.
     */
    @ParameterizedTest
    @ValueSource(strings = {"simple-cubic", "bcc001", "hcp0001"})
    void aStepEdgeBarrierKeepsTheBoltzmannDistribution(String type) {
        // the barrier slows the exchange between layers: longer runs between samples
        assertBondCountingOdds(surface(type, 32, 0.0, true, "metropolis", 0.1, 23), 600_000, 10_000, type);
    }

    /** Adatoms on a complete layer and vacancies in it against the odds of their bond counts, within 15 %. */
    private static void assertBondCountingOdds(Simulation sim, long equilibrate, long eventsPerSample, String what) {
        Lattice l = sim.lattice();
        int below = 0;
        int beside = 0;
        for (int d = 0; d < l.coordination(); d++) {
            below += l.dz(d) < 0 ? 1 : 0;
            beside += l.dz(d) == 0 ? 1 : 0;
        }
        long[] c = sample(sim, equilibrate, eventsPerSample, 250);
        String counts = what + " " + java.util.Arrays.toString(c);
        assertTrue(c[0] > 1000 && c[2] > 1000, "too few counts " + counts);
        double adatom = odds(l, below);
        double vacancy = 1 / odds(l, below + beside);
        assertEquals(adatom, c[0] / (double) c[1], 0.15 * adatom, "adatoms " + counts);
        assertEquals(vacancy, c[2] / (double) c[3], 0.15 * vacancy, "vacancies " + counts);
    }

    static Stream<Arguments> crystalsAndLaws() {
        return Lattice.TYPES.stream().filter(type -> !type.equals("sc"))
                .flatMap(type -> Stream.of("metropolis", "bond-counting").map(law -> Arguments.of(type, law)));
    }

    /**
     * On every crystal lattice, with redox and either hop law: adatoms on a complete layer (metal below) and
     * vacancies in it (metal below and beside) against the odds of their bond counts.
     */
    @ParameterizedTest
    @MethodSource("crystalsAndLaws")
    void everyLatticeKeepsTheBoltzmannDistribution(String type, String law) {
        assertBondCountingOdds(surface(type, 24, 0.0, true, law, 13), 300_000, 4_000, type + " " + law);
    }

    /**
     * Every registered process keeps the Boltzmann distribution: redox alone, and each hop process beside it (redox
     * holds the surface at η = 0 against the electrolyte). A new process type must get its case here to compile.
     */
    @ParameterizedTest
    @EnumSource(Processes.Type.class)
    void everyProcessKeepsTheBoltzmannDistribution(Processes.Type type) {
        Simulation sim = switch (type) {
            case REDOX -> surface(0.0, false, 11);
            case DIRECTIONAL_HOPS -> surface(0.0, true, "metropolis", 12);
            case ATTEMPT_HOPS -> surface(0.0, true, "bond-counting", 12);
        };
        assertTrue(sim.processTypes().contains(type), type + " must run in its own check: " + sim.processTypes());
        boolean hops = type != Processes.Type.REDOX;
        long[] c = hops ? sample(sim, 500_000, 5_000, 600) : sample(sim, 200_000, 2_000, 600);
        assertTrue(c[0] > 2000 && c[2] > 2000, "too few counts " + java.util.Arrays.toString(c));
        if (hops) {
            assertTrue(sim.count("hops") > sim.reductions(), "hops must dominate for this test to mean anything");
        }
        double tolerance = (hops ? 0.12 : 0.08) * boltzmann();
        assertEquals(boltzmann(), c[0] / (double) c[1], tolerance, "adatoms " + java.util.Arrays.toString(c));
        assertEquals(boltzmann(), c[2] / (double) c[3], tolerance, "vacancies " + java.util.Arrays.toString(c));
    }

    /**
     * Rate scaling slows each channel of hops by one factor for the hop and its reverse, so detailed balance and the
     * Boltzmann distribution stay; with fastPerSlow 2 the hops are slowed to a few per redox event. On two threads
     * (a box wide enough for four bands) the channels are judged from both threads' counts at window ends.
     */
    @ParameterizedTest(name = "on {0} thread(s)")
    @CsvSource({"1, 48", "2, 64"})
    void rateScalingKeepsTheBoltzmannDistribution(int threads, int size) {
        Simulation sim = surface("simple-cubic", size, 0.0, true, "metropolis", 0.0, 14,
                "engine: {threads: " + threads + ", acceleration: {fastPerSlow: 2, periodEvents: 20000}}\n");
        long[] c = sample(sim, 300_000, 3_000, 600);
        assertTrue(sim.eventGain() > 3, "the scaling must act for this test to mean anything: " + sim.eventGain());
        assertTrue(c[0] > 2000 && c[2] > 2000, "too few counts " + java.util.Arrays.toString(c));
        double tolerance = 0.12 * boltzmann();
        assertEquals(boltzmann(), c[0] / (double) c[1], tolerance, "adatoms " + java.util.Arrays.toString(c));
        assertEquals(boltzmann(), c[2] / (double) c[3], tolerance, "vacancies " + java.util.Arrays.toString(c));
    }

    @Test
    void surfaceNeitherGrowsNorShrinksAtZeroOverpotential() {
        long events = 1_500_000;
        // equilibrium fluctuations of the atom count are those of the adatom and vacancy populations
        double noise = Math.sqrt(2 * boltzmann() * SIZE * SIZE);
        Simulation atRest = surface(0.0, false, 21);
        atRest.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, events);
        assertTrue(Math.abs(atRest.netIons()) < 6 * noise, "net ions at η = 0: " + atRest.netIons());
        assertTrue(atRest.reductions() > 100_000, "the surface must exchange many ions with the electrolyte");

        Simulation cathodic = surface(0.03, false, 21);
        cathodic.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, events);
        assertTrue(cathodic.netIons() > 20 * noise, "net ions at η = +30 mV: " + cathodic.netIons());
        Simulation anodic = surface(-0.03, false, 21);
        anodic.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, events);
        assertTrue(anodic.netIons() < -20 * noise, "net ions at η = −30 mV: " + anodic.netIons());
    }
}
