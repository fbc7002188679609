package org.anodekmc.run;

import org.anodekmc.config.LatticeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkTest {
    private static Benchmark.Result taking(double seconds) {
        return new Benchmark.Result(8, 2560, 1000, 1.0, seconds, 0, 0, 1);
    }

    @Test
    void spreadGivesTheMedianAndTheRangeInNanosPerEvent() {
        // 1000 events in 3, 1, 2 µs: 3, 1 and 2 ns per event
        Benchmark.Spread odd = Benchmark.Spread.of(List.of(taking(3e-6), taking(1e-6), taking(2e-6)));
        assertEquals(2.0, odd.median(), 1e-9);
        assertEquals(1.0, odd.fastest(), 1e-9);
        assertEquals(3.0, odd.slowest(), 1e-9);
        Benchmark.Spread even = Benchmark.Spread.of(List.of(taking(4e-6), taking(1e-6), taking(2e-6), taking(9e-6)));
        assertEquals(3.0, even.median(), 1e-9);
        assertEquals(4, even.runs());
    }

    @Test
    void aShortRunStopsAtItsEventBudgetAndCountsMemory() {
        Benchmark.Result r = Benchmark.run(Benchmark.Workload.STANDARD, Benchmark.Variant.of(LatticeConfig.Type.SIMPLE_CUBIC), 16, Benchmark.Workload.STANDARD.time(), 20_000, null);
        assertEquals(20_000, r.events());
        assertEquals(16L * 16 * 40, r.sites());
        assertEquals(2 * r.sites(), r.latticeBytes());
        assertTrue(r.wallSeconds() > 0 && r.activeSites() > 0, r.toString());
    }

    @Test
    void thePhysicsWorkloadRunsTheQuickstartsPhysicsInItsBox() {
        org.anodekmc.config.SimulationConfig c = Benchmark.Workload.PHYSICS.config(Benchmark.Variant.of(LatticeConfig.Type.SIMPLE_CUBIC), 32);
        assertEquals(org.anodekmc.config.HopConfig.Law.METROPOLIS, c.hops().law());
        assertTrue(c.hops().secondShell() && c.keepDepositConnected(), c.toString());
        assertEquals(org.anodekmc.config.SupplyConfig.Mode.KINETIC, c.supply().mode());
        assertEquals(0.72, Benchmark.Workload.PHYSICS.time());
        Benchmark.Result r = Benchmark.run(Benchmark.Workload.PHYSICS, Benchmark.Variant.of(LatticeConfig.Type.SIMPLE_CUBIC), 32, 0.72,
                5_000, null);
        assertEquals(5_000, r.events());
        assertEquals(32L * 32 * 16, r.sites());
        assertTrue(r.simulatedTime() > 0 && r.simulatedPerWallSecond() > 0, r.toString());
    }

    @ParameterizedTest
    @EnumSource(LatticeConfig.Type.class)
    void bothWorkloadsRunOnEveryLattice(LatticeConfig.Type lattice) {
        for (Benchmark.Workload w : Benchmark.Workload.values()) {
            assertEquals(lattice, w.config(Benchmark.Variant.of(lattice), 16).lattice().type());
            Benchmark.Result r = Benchmark.run(w, Benchmark.Variant.of(lattice), 16, w.time(), 3_000, null);
            assertEquals(3_000, r.events(), w + " on " + lattice);
        }
    }

    /** The crystals need the connectivity rule; simple cubic runs it only when asked, to compare like with like. */
    @ParameterizedTest
    @EnumSource(LatticeConfig.Type.class)
    void theStandardWorkloadKeepsTheDepositConnectedOnCrystalsAndWhenAsked(LatticeConfig.Type lattice) {
        Benchmark.Workload w = Benchmark.Workload.STANDARD;
        assertEquals(lattice != LatticeConfig.Type.SIMPLE_CUBIC, w.config(Benchmark.Variant.of(lattice), 16).keepDepositConnected());
        assertTrue(w.config(new Benchmark.Variant(lattice, true, 1), 16).keepDepositConnected());
        assertTrue(Benchmark.Workload.PHYSICS.config(Benchmark.Variant.of(lattice), 16).keepDepositConnected());
    }
}
