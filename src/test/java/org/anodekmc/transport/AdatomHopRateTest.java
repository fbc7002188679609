package org.anodekmc.transport;

import org.anodekmc.TestConfigs;
import org.anodekmc.engine.Simulation;
import org.anodekmc.run.Engines;
import org.anodekmc.units.Units;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Event frequencies against rates: a lone adatom on a flat metal film can hop to its four lateral neighbours (the
 * site above it and the second-shell sites have no support, the site below is taken), each at ν·exp(−E_a/kT) (on the bare host the site above has no support either). With
 * the bond-counting law E_a = E_0 + 1·E_n (E_n = 0.2 eV here); with the metropolis law the targets bind as well as the origin, so E_a =
 * E_0. The bond-counting law draws a direction for each hop attempt and refuses the blocked ones, so this also checks
 * that the refusals keep the clock right.
 */
class AdatomHopRateTest {
    /** Strong enough that the film makes no thermal adatoms of its own while we watch. */
    private static final double BOND = 0.2;
    private static final double WATCH = 0.5; // s

    /**
     * On the bare host (no metal layers) the lateral hops cross the host's terrace barrier, slower here than the
     * metal's barrier that a hop up would take: the attempt counts every empty neighbour at the faster rate and thins
     * the lateral ones.
     */
    @ParameterizedTest
    @CsvSource({
            "bond-counting, 0.3, 0.3, 2, 0.5",
            "metropolis, 0.5, 0.5, 2, 0.5",
            "bond-counting, 0.2, 0.35, 0, 0.55"})
    void loneAdatomHopsAtFourTimesTheRateOfOneDirection(String law, double metalTerrace, double hostTerrace,
                                                         int metalLayers, double barrier) {
        Simulation sim = Engines.build(TestConfigs.yaml(TestConfigs.metal(BOND, metalTerrace) + """
                seed: 6
                lattice: {size: [8, 8, 8], initialMetalLayers: %d}
                substrate: {host: {name: H, bondEnergy: 0.1, terraceBarrier: %s}}
                hops: {law: %s, neighbourBarrier: %s, secondShell: true}
                keepDepositConnected: false
                supply: {mode: ballistic, landing: first-contact}
                control: {mode: galvanostatic, currentDensity: 0.0001}
                stop: {events: 1}
                """.formatted(metalLayers, hostTerrace, law, BOND)));
        assertEquals(Simulation.Stop.TARGET, sim.advance(Double.POSITIVE_INFINITY, 1, Long.MAX_VALUE));
        double landed = sim.time();
        long hopsBefore = sim.count("hops");
        sim.advance(landed + WATCH, 2, Long.MAX_VALUE);
        assertEquals(1, sim.netIons(), "a second ion arrived: choose another seed");
        double expected = 4 * 1e13 * Math.exp(-barrier / Units.kT(298.15)) * WATCH;
        assertEquals(expected, sim.count("hops") - hopsBefore, 0.03 * expected, law);
    }
}
