package org.anodekmc.engine;

import org.anodekmc.TestConfigs;
import org.anodekmc.run.Benchmark;
import org.anodekmc.run.Engines;
import org.anodekmc.config.LatticeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event loop allocates nothing once its arrays have grown: measured with the JVM's per-thread allocation counter
 * (not a timing). One boxed number per event would be 16 bytes per event; the bound allows the occasional doubling of
 * a catalogue array as the film grows.
 */
class HotLoopAllocationTest {
    private static final long EVENTS = 500_000;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static void assertNoAllocation(Simulation sim, String what) {
        sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, EVENTS); // grow the arrays, compile the loop
        long before = allocatedBytes();
        sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, sim.events() + EVENTS);
        double perEvent = (allocatedBytes() - before) / (double) EVENTS;
        assertTrue(perEvent < 0.5, what + ": " + perEvent + " bytes allocated per event");
    }

    @ParameterizedTest
    @EnumSource(LatticeConfig.Type.class)
    void bothWorkloadsAllocateNothingOnEveryLattice(LatticeConfig.Type lattice) {
        assertNoAllocation(Engines.build(Benchmark.Workload.STANDARD.config(Benchmark.Variant.of(lattice), 32)),
                "bond-counting thin film on " + lattice.spelling());
        assertNoAllocation(Engines.build(Benchmark.Workload.PHYSICS.config(Benchmark.Variant.of(lattice), 32)),
                "the quickstart's physics on " + lattice.spelling());
    }

    @Test
    void electrochemicalSurfaceAllocatesNothing() {
        assertNoAllocation(Engines.build(TestConfigs.yaml("""
                seed: 2
                metal: Li
                lattice: {type: simple-cubic, size: [32, 32, 12], initialMetalLayers: 3}
                substrate: {host: Cu, sites: [{preset: Zn-CNO, perNm2: 1.0}]}
                control: {mode: potentiostatic, overpotential: 0.0}
                stop: {events: 1}
                """)), "Li at equilibrium with metropolis hops, redox and the connectivity rule");
    }

    /** Rate scaling adjusts its channels every 20,000 events here, with arrays made once. */
    @Test
    void rateScalingAllocatesNothing() {
        assertNoAllocation(Engines.build(TestConfigs.yaml("""
                seed: 2
                metal: Li
                lattice: {type: simple-cubic, size: [32, 32, 12], initialMetalLayers: 3}
                substrate: {host: Cu}
                control: {mode: galvanostatic, currentDensity: 1.0}
                engine: {threads: 1, acceleration: {fastPerSlow: 3, periodEvents: 20000}}
                stop: {events: 1}
                """)), "Li plating with rate scaling");
    }
}
