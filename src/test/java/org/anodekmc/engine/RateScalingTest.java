package org.anodekmc.engine;

import org.anodekmc.TestConfigs;
import org.anodekmc.run.Engines;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which hop channels rate scaling slows (its effect on equilibria: EquilibriumTest; on results: docs/model.md). */
class RateScalingTest {
    /** Li plating on bare Cu whose host terrace barrier makes substrate hops about 10^6 times faster than redox. */
    private static Simulation plating(double fastPerSlow) {
        return Engines.build(TestConfigs.yaml("""
                seed: 5
                metal: Li
                lattice: {type: simple-cubic, size: [32, 32, 12]}
                substrate: {host: {preset: Cu, terraceBarrier: 0.27}}
                control: {mode: galvanostatic, currentDensity: 1.0}
                engine: {threads: 1, acceleration: {fastPerSlow: %s, periodEvents: 10000}}
                stop: {events: 1}
                """.formatted(fastPerSlow)));
    }

    /** The smallest factor of the host's |ΔE| 0.135 eV channel over 1e6 events of Li plating at a 0.17 eV barrier. */
    private static double slowingOfABoundChannel(int threads) {
        Simulation sim = Engines.build(TestConfigs.yaml("""
                seed: 1
                metal: Li
                lattice: {type: simple-cubic, size: [64, 64, 16]}
                substrate: {host: {preset: Cu, terraceBarrier: 0.17}}
                control: {mode: galvanostatic, currentDensity: 1.0}
                engine: {threads: %d, acceleration: {fastPerSlow: 100}}
                stop: {events: 1}
                """.formatted(threads)));
        sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, 1_000_000);
        return sim.scaledChannels().stream().filter(c -> c.hops().equals("on the host, |ΔE| 0.1350 eV"))
                .findFirst().orElseThrow().smallestFactor();
    }

    @Test
    void channelsSlowerThanFastPerSlowTimesTheSlowEventsKeepTheirRates() {
        Simulation sim = plating(1e12);
        sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, 200_000);
        assertEquals(20, sim.scalingPeriods());
        assertEquals(java.util.List.of(), sim.scaledChannels());
        assertEquals(1.0, sim.timeGain());
    }

    /** The host's level hops (an adatom's walk on bare Cu) are the fastest channel, and slowed the most. */
    @Test
    void theAdatomWalkOnTheHostIsSlowedMost() {
        Simulation sim = plating(10);
        sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, 200_000);
        var scaled = sim.scaledChannels();
        assertTrue(!scaled.isEmpty() && sim.timeGain() > 10, scaled + ", gain " + sim.timeGain());
        Simulation.ScaledChannel slowest = scaled.stream()
                .min(java.util.Comparator.comparingDouble(Simulation.ScaledChannel::smallestFactor)).orElseThrow();
        assertEquals("on the host, |ΔE| 0.0000 eV", slowest.hops());
        assertTrue(slowest.smallestFactor() < 1e-3, slowest.toString());
    }

    /**
     * One thread judges right after an event, two at a window's end. Judged by the rate at that instant, one thread
     * caught short bursts of this channel and slowed it 30–60 times more than two threads did; judged by the period's
     * average, the two agree within a factor 1.6 on three seeds (docs/model.md, "Accelerated runs").
     */
    @Test
    void oneThreadAndTwoSlowAChannelAlike() {
        double one = slowingOfABoundChannel(1);
        double two = slowingOfABoundChannel(2);
        assertTrue(one / two > 0.25 && one / two < 4, "one thread " + one + ", two " + two);
    }
}
