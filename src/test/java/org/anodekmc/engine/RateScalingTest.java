package org.anodekmc.engine;

import org.anodekmc.TestConfigs;
import org.anodekmc.run.Engines;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which hop channels rate scaling slows (its effect on equilibria: EquilibriumTest; on results: docs/model.md). */
class RateScalingTest {
    /** Li plating on bare Cu at 1 mA/cm² in a simple-cubic box of side × side × 12 sites. */
    private static Simulation plating(int seed, int side, double hostBarrier, String engine) {
        return Engines.build(TestConfigs.yaml("""
                seed: %d
                metal: Li
                lattice: {type: simple-cubic, size: [%d, %d, 12]}
                substrate: {host: {preset: Cu, terraceBarrier: %s}}
                control: {mode: galvanostatic, currentDensity: 1.0}
                engine: %s
                stop: {events: 1}
                """.formatted(seed, side, side, hostBarrier, engine)));
    }

    /** At a 0.27 eV host barrier substrate hops are about 10^6 times faster than redox. */
    private static Simulation plating(double fastPerSlow) {
        return plating(5, 32, 0.27, "{threads: 1, acceleration: {fastPerSlow: %s, periodEvents: 10000}}"
                .formatted(fastPerSlow));
    }

    /** The smallest factor of the host's |ΔE| 0.135 eV channel over 1e6 events of Li plating at a 0.17 eV barrier. */
    private static double slowingOfABoundChannel(int threads) {
        Simulation sim = plating(1, 64, 0.17, "{threads: %d, acceleration: {fastPerSlow: 100}}".formatted(threads));
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
        assertEquals(1.0, sim.eventGain());
    }

    /** The host's level hops (an adatom's walk on bare Cu) are the fastest channel, and slowed the most. */
    @Test
    void theAdatomWalkOnTheHostIsSlowedMost() {
        Simulation sim = plating(10);
        sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, 200_000);
        var scaled = sim.scaledChannels();
        assertTrue(!scaled.isEmpty() && sim.eventGain() > 10, scaled + ", gain " + sim.eventGain());
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

    /**
     * The exact engine, run for the same simulated time, needs about eventGain times as many events (here about 28;
     * on seeds 5–7 the estimate came out 7–11% high). The gain once reported instead, simulated time over what the
     * same events would have taken unscaled, gave 16 here: it weighs each unscaled period (the first, and any after a
     * channel lost its balance) by its full time. The same holds channel by channel for the hops, each slowed
     * channel's counted 1/averageFactor times.
     */
    @Test
    void theEventGainIsHowManyTimesAsManyEventsTheExactEngineNeeds() {
        Simulation scaled = plating(5, 32, 0.42, "{threads: 1, acceleration: {fastPerSlow: 30, periodEvents: 10000}}");
        scaled.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, 300_000);
        Simulation exact = plating(5, 32, 0.42, "{threads: 1}");
        exact.advance(scaled.time(), Long.MAX_VALUE, Long.MAX_VALUE);
        double needed = exact.events() / (double) scaled.events();
        assertTrue(needed > 10 && Math.abs(scaled.eventGain() / needed - 1) < 0.25,
                "estimated " + scaled.eventGain() + ", the exact engine needed " + needed);
        // Each slowed channel's hops, each counted 1/averageFactor times, are what the exact engine fired.
        double exactHops = scaled.count("hops");
        for (Simulation.ScaledChannel c : scaled.scaledChannels()) {
            assertTrue(c.averageFactor() >= c.smallestFactor() && c.averageFactor() <= 1, c.toString());
            exactHops += c.fired() * (1 / c.averageFactor() - 1);
        }
        assertTrue(Math.abs(exactHops / exact.count("hops") - 1) < 0.25,
                "estimated " + exactHops + " hops, the exact engine fired " + exact.count("hops"));
    }
}
