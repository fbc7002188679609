package org.anodekmc.engine;

import org.anodekmc.TestConfigs;
import org.anodekmc.config.ConfigException;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.model.Species;
import org.anodekmc.run.Engines;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run on several threads: between windows its catalogue, sealed voids, dead metal and counters are what the state
 * gives when recomputed from scratch; it does not depend on timing (the same seed gives the same state); it resumes
 * exactly; and its statistics agree with the serial engine's.
 */
class ParallelEngineTest {
    /**
     * A narrow box (16 × 64: four bands of 16 rows on two threads, the least this width allows is 15) plated at high
     * η and then stripped, so that dead metal and voids form near band edges, where searches leave their zone.
     */
    private static SimulationConfig stripping(int threads, long seed) {
        return TestConfigs.yaml(TestConfigs.metal(0.05, 0.3) + """
                seed: %d
                lattice: {type: simple-cubic, size: [16, 64, 12], initialMetalLayers: 1}
                substrate: {host: {name: H, bondEnergy: 0.04, terraceBarrier: 0.3}}
                control:
                  mode: potentiostatic
                  overpotential: [{time: 0, eta: 0.3}, {time: 1.0e-6, eta: -0.3}]
                engine: {threads: %d, windowEvents: 20}
                stop: {events: 1}
                """.formatted(seed, threads));
    }

    @Test
    void betweenWindowsEverythingEqualsAFreshComputation() {
        Simulation sim = Engines.build(stripping(2, 5));
        long initial = sim.metalAtoms();
        long mostDead = 0;
        for (int i = 0; i < 400 && !sim.boxFull(); i++) {
            sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, sim.events() + 60);
            assertNull(sim.catalogueMismatch());
            DeadMetalTest.assertLiveExactlyWhereConnected(sim);
            assertEquals(sim.metalAtoms() - initial, sim.reductions() - sim.oxidations());
            assertEquals(countMetal(sim), sim.metalAtoms());
            assertEquals(highestMetalLayer(sim), sim.highestTop());
            mostDead = Math.max(mostDead, sim.deadAtoms());
        }
        assertTrue(sim.time() > 1.0e-6, "the run reached the stripping step: t = " + sim.time());
        assertTrue(mostDead > 0, "some metal was cut off while stripping");
    }

    @Test
    void theSameSeedGivesTheSameRunWhateverTheTiming() throws IOException {
        assertArrayEquals(stateAfter(stripping(2, 9), 2.0e-6), stateAfter(stripping(2, 9), 2.0e-6));
    }

    /** An interrupt does not cut a phase short: the run is the uninterrupted one, and the interrupt is kept. */
    @Test
    void anInterruptLeavesTheRunAsItWouldHaveBeenAndIsKept() throws IOException {
        Thread.currentThread().interrupt();
        byte[] interrupted;
        try {
            interrupted = stateAfter(stripping(2, 9), 2.0e-6);
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is still pending");
        } finally {
            Thread.interrupted();
        }
        assertArrayEquals(stateAfter(stripping(2, 9), 2.0e-6), interrupted);
    }

    @Test
    void aRunResumedFromItsStateContinuesExactly() throws IOException {
        Simulation first = Engines.build(stripping(2, 11));
        first.advance(1.5e-6, Long.MAX_VALUE, Long.MAX_VALUE);
        byte[] saved = state(first);
        first.advance(2.5e-6, Long.MAX_VALUE, Long.MAX_VALUE);

        Simulation resumed = Engines.build(stripping(2, 11));
        resumed.readState(new DataInputStream(new ByteArrayInputStream(saved)));
        resumed.advance(2.5e-6, Long.MAX_VALUE, Long.MAX_VALUE);
        assertArrayEquals(state(first), state(resumed));
        assertTrue(first.events() > 10_000, "events " + first.events());
    }

    /**
     * Rate scaling on two threads: Li plating on bare Cu whose host terrace barrier makes the adatom walk about 10^6
     * times faster than redox, in a box of four bands of 16 rows. The walk is slowed from both threads' counts, and
     * the run is reproducible and resumes exactly (factors and the period's counts are in the state).
     */
    @Test
    void rateScalingSlowsTheHostWalkAndAScaledRunResumesExactly() throws IOException {
        SimulationConfig config = TestConfigs.yaml("""
                seed: 3
                metal: Li
                lattice: {type: simple-cubic, size: [16, 64, 12]}
                substrate: {host: {preset: Cu, terraceBarrier: 0.27}}
                control: {mode: galvanostatic, currentDensity: 1.0}
                engine: {threads: 2, acceleration: {fastPerSlow: 10, periodEvents: 10000}}
                stop: {events: 1}
                """);
        Simulation first = Engines.build(config);
        first.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, 100_000);
        assertNull(first.catalogueMismatch());
        byte[] saved = state(first);
        first.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, 200_000);
        assertTrue(first.scalingPeriods() >= 15 && first.eventGain() > 10,
                first.scalingPeriods() + " periods, gain " + first.eventGain());
        Simulation.ScaledChannel slowest = first.scaledChannels().stream()
                .min(java.util.Comparator.comparingDouble(Simulation.ScaledChannel::smallestFactor)).orElseThrow();
        assertEquals("on the host, |ΔE| 0.0000 eV", slowest.hops());

        Simulation resumed = Engines.build(config);
        resumed.readState(new DataInputStream(new ByteArrayInputStream(saved)));
        resumed.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, 200_000);
        assertArrayEquals(state(first), state(resumed));
        Simulation again = Engines.build(config);
        again.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, 200_000);
        assertArrayEquals(state(first), state(again));
    }

    @Test
    void aBoxTooNarrowForItsBandsIsRefusedNamingTheField() {
        ConfigException e = assertThrows(ConfigException.class, () -> Engines.build(TestConfigs.yaml(
                TestConfigs.metalOnPlainHost(0.05, 0.3) + """
                        lattice: {type: simple-cubic, size: [64, 32, 8]}
                        engine: {threads: 2}
                        stop: {time: 0.01}
                        """)));
        assertEquals("engine.threads", e.field());
        assertTrue(e.getMessage().contains("at most 1 threads"), e.getMessage());
    }

    /**
     * The quickstart's physics (Li on Cu with Zn single atoms at 1 mA/cm², shipped presets) in a 64² box, 8 seeds on
     * each engine: the peak of η (the nucleation barrier) and the atoms plated agree within three standard errors.
     */
    @Test
    void theNucleationPeakAgreesWithTheSerialEngine() {
        double[] serial = peaks(1);
        double[] parallel = peaks(2);
        double difference = Math.abs(mean(serial) - mean(parallel));
        double error = Math.sqrt(variance(serial) / serial.length + variance(parallel) / parallel.length);
        assertTrue(difference < 3 * error, "peak η " + mean(serial) + " V (serial) against " + mean(parallel)
                + " V (2 threads), standard error of the difference " + error);
        assertTrue(mean(serial) > 0.02, "a nucleation barrier to compare: " + mean(serial));
    }

    private static double[] peaks(int threads) {
        double[] peaks = new double[8];
        for (int seed = 1; seed <= peaks.length; seed++) {
            Simulation sim = Engines.build(TestConfigs.yaml("""
                    seed: %d
                    lattice: {type: simple-cubic, size: [64, 64, 8]}
                    metal: Li
                    substrate: {host: Cu, sites: [{preset: Zn-CNO, perNm2: 1.0}]}
                    control: {mode: galvanostatic, currentDensity: 1.0, doubleLayerCapacitance: 20}
                    engine: {threads: %d}
                    stop: {time: 0.1}
                    """.formatted(seed, threads)));
            double peak = 0;
            while (sim.time() < 0.1) {
                sim.advance(sim.time() + 0.002, Long.MAX_VALUE, Long.MAX_VALUE);
                peak = Math.max(peak, sim.eta());
            }
            peaks[seed - 1] = peak;
        }
        return peaks;
    }

    private static double mean(double[] x) {
        return java.util.Arrays.stream(x).average().orElseThrow();
    }

    private static double variance(double[] x) {
        double m = mean(x);
        return java.util.Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1);
    }

    private static byte[] stateAfter(SimulationConfig config, double time) throws IOException {
        Simulation sim = Engines.build(config);
        sim.advance(time, Long.MAX_VALUE, Long.MAX_VALUE);
        return state(sim);
    }

    private static byte[] state(Simulation sim) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sim.writeState(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static long countMetal(Simulation sim) {
        long atoms = 0;
        for (int site = 0; site < sim.lattice().sites(); site++) {
            atoms += Species.isDeposit(sim.species(site)) && sim.lattice().z(site) >= sim.surfaceZ() ? 1 : 0;
        }
        return atoms;
    }

    private static int highestMetalLayer(Simulation sim) {
        int top = sim.surfaceZ() - 1;
        for (int site = 0; site < sim.lattice().sites(); site++) {
            if (Species.isDeposit(sim.species(site)) && sim.lattice().z(site) >= sim.surfaceZ()) {
                top = Math.max(top, sim.lattice().z(site));
            }
        }
        return top;
    }
}
