package org.anodekmc.model;

import org.anodekmc.TestConfigs;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.config.SimulationConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateModelTest {
    private static RateModel model(String law) {
        SimulationConfig c = TestConfigs.yaml(TestConfigs.metal(0.08, 0.3) + """
                lattice: {size: [8, 8, 8]}
                substrate:
                  host: {name: H, bondEnergy: 0.05, terraceBarrier: 0.2}
                  sites: [{name: S, bondEnergy: 0.4, fraction: 0.1}]
                hops: {law: %s, neighbourBarrier: 0.07}
                stop: {events: 1}
                """.formatted(law));
        // substrate environments: [0] not on the substrate, [1] the host, [2] the single-atom site
        return TestConfigs.rateModel(c, new double[]{0, 0.05, 0.4});
    }

    /** r_red/r_ox = exp(−ΔG/kT) with ΔG = −(B − B_kink) − n·e·η, at every site signature and several η. */
    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 0.0, 0.013, 0.2})
    void reductionAndOxidationObeyNernst(double eta) {
        RateModel m = model("metropolis");
        SiteEnergetics e = m.energetics();
        for (int s = 0; s < e.signatureCount(); s++) {
            double red = m.reductionBase(s) * m.reductionFactor(eta);
            double ox = m.oxidationBase(s) * m.oxidationFactor(eta);
            double deltaG = -(e.binding(s) - e.kinkBinding()) - eta;
            assertEquals(Math.exp(-deltaG / m.kT()), red / ox, 1e-9 * red / ox, "signature " + s);
        }
    }

    @org.junit.jupiter.api.Test
    void kinkSiteIsInEquilibriumAtZeroOverpotential() {
        RateModel m = model("metropolis");
        int kink = m.energetics().signature(3, SiteEnergetics.ABOVE_METAL_OR_EMPTY);
        assertEquals(3 * 0.08, m.energetics().binding(kink), 1e-12);
        assertEquals(m.reductionBase(kink), m.oxidationBase(kink), 1e-12 * m.k0());
        assertEquals(m.k0(), m.reductionBase(kink), 1e-12 * m.k0());
    }

    /** A hop between two signatures with its class and its reverse's (−1 where not allowed). */
    private record Hop(int from, int to, boolean host, boolean interlayer, int forward, int backward) {
    }

    /** Every hop the rate model tabulates: each pair of signatures, on the host or not, changing layer or not. */
    private static java.util.List<Hop> everyHop(RateModel m) {
        java.util.List<Hop> hops = new java.util.ArrayList<>();
        int n = m.energetics().signatureCount();
        for (int from = 0; from < n; from++) {
            for (int to = 0; to < n; to++) {
                for (boolean host : new boolean[]{false, true}) {
                    for (boolean interlayer : new boolean[]{false, true}) {
                        hops.add(new Hop(from, to, host, interlayer, m.hopClass(from, to, host, interlayer),
                                m.hopClass(to, from, host, interlayer)));
                    }
                }
            }
        }
        return hops;
    }

    /** k(i→j)/k(j→i) = exp(−(U_j − U_i)/kT) for every pair of environments, and a hop is allowed iff its reverse is. */
    @ParameterizedTest
    @ValueSource(strings = {"metropolis", "bond-counting"})
    void hopsObeyDetailedBalance(String law) {
        RateModel m = model(law);
        SiteEnergetics e = m.energetics();
        int checked = 0;
        for (Hop h : everyHop(m)) {
            assertEquals(h.forward() < 0, h.backward() < 0);
            if (h.forward() < 0) {
                continue;
            }
            // energy of the moving atom: −B (metropolis) or −n·E_n (bond counting)
            double uFrom = law.equals("metropolis") ? -e.binding(h.from()) : -0.07 * e.occupied(h.from());
            double uTo = law.equals("metropolis") ? -e.binding(h.to()) : -0.07 * e.occupied(h.to());
            double ratio = m.hopRate(h.forward()) / m.hopRate(h.backward());
            assertEquals(Math.exp(-(uTo - uFrom) / m.kT()), ratio, 1e-9 * ratio);
            checked++;
        }
        assertTrue(checked > 100);
    }

    /**
     * Under rate scaling every hop shares its channel with its reverse, one going up by |ΔE| and the other down (or
     * both level), so that one factor per channel keeps detailed balance; hops of different |ΔE| or barrier kind never
     * share one.
     */
    @org.junit.jupiter.api.Test
    void rateScalingPairsEveryHopWithItsReverse() {
        SimulationConfig c = TestConfigs.yaml(TestConfigs.metal(0.08, 0.3) + """
                lattice: {size: [8, 8, 8]}
                substrate:
                  host: {name: H, bondEnergy: 0.05, terraceBarrier: 0.2}
                  sites: [{name: S, bondEnergy: 0.4, fraction: 0.1}]
                stop: {events: 1}
                engine: {threads: 1, acceleration: {fastPerSlow: 10}}
                """);
        RateModel m = TestConfigs.rateModel(c, new double[]{0, 0.05, 0.4});
        SiteEnergetics e = m.energetics();
        java.util.Map<Integer, String> whatOfChannel = new java.util.HashMap<>();
        int checked = 0;
        for (Hop h : everyHop(m)) {
            if (h.forward() < 0) {
                continue;
            }
            double uphill = e.binding(h.from()) - e.binding(h.to());
            assertEquals(m.hopChannel(h.forward()), m.hopChannel(h.backward()));
            assertEquals(Math.abs(uphill) < 1e-12 ? 0 : (int) Math.signum(uphill), m.hopDirection(h.forward()));
            assertEquals(-m.hopDirection(h.forward()), m.hopDirection(h.backward()));
            String what = h.host() + " " + h.interlayer() + " " + Math.round(Math.abs(uphill) * 1e9);
            assertEquals(what, whatOfChannel.computeIfAbsent(m.hopChannel(h.forward()), ch -> what));
            checked++;
        }
        assertTrue(checked > 100 && whatOfChannel.size() > 5, checked + " hops in " + whatOfChannel.size());
        assertEquals(whatOfChannel.size(), m.hopChannelCount());
    }

    @org.junit.jupiter.api.Test
    void unsupportedPositionsCannotBeHopTargets() {
        RateModel m = model("metropolis");
        int floating = m.energetics().signature(0, SiteEnergetics.ABOVE_METAL_OR_EMPTY);
        int onMetal = m.energetics().signature(1, SiteEnergetics.ABOVE_METAL_OR_EMPTY);
        assertEquals(-1, m.hopClass(onMetal, floating, false, false));
        assertTrue(m.hopClass(onMetal, onMetal, false, false) >= 0);
    }

    /**
     * The rate model's area per column (cm²) times its layer spacing (Å) is the metal's atomic volume on every lattice,
     * so atoms per area and thickness per charge come out as for the metal itself (the lattice's own geometry is
     * checked against hand-worked numbers in LatticeGeometryTest).
     */
    @ParameterizedTest
    @MethodSource("latticeTypes")
    void everyLatticeHoldsOneAtomPerAtomicVolume(String type) {
        SimulationConfig c = TestConfigs.yaml(TestConfigs.metal(0.08, 0.3) + """
                lattice: {size: [8, 8, 8]}
                substrate: {host: {name: H, bondEnergy: 0.05, terraceBarrier: 0.2}}
                stop: {events: 1}
                """);
        Lattice lattice = Lattice.of(type, 8, 8, 8);
        RateModel m = new RateModel(c, lattice, new LatticeBonds(c, lattice), new double[]{0, 0.05},
                new int[]{-1, 0});
        double volumeCm3 = 21.62e-24; // the test metal's atomic volume, Å³ → cm³
        assertEquals(volumeCm3, m.siteArea() * m.latticeConstant() * 1e-8, 1e-9 * volumeCm3, type);
    }

    static java.util.List<String> latticeTypes() {
        return Lattice.TYPES;
    }
}
