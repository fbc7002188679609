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
}
