package org.anodekmc.engine;

import org.anodekmc.TestConfigs;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.run.Engines;
import org.anodekmc.units.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Electron transfer happens only where the electrolyte reaches: a void sealed inside the deposit holds no
 * electrolyte, so it is never filled by reduction and its walls are never oxidized.
 */
class ElectrolyteReachTest {
    /** Li-like metal: ε/kT = 1.75 at 298 K, so the surface is rough and vacancies form. */
    private static Simulation film(int size, int layers, double eta, boolean hops, long seed) {
        return Engines.build(TestConfigs.yaml(TestConfigs.metal(0.045, 0.62) + """
                seed: %d
                lattice: {size: [%d, %d, %d], initialMetalLayers: %d}
                substrate: {host: {name: H, bondEnergy: 0.045, terraceBarrier: 0.62}}
                hops: {enabled: %s}
                control: {mode: potentiostatic, overpotential: %s}
                stop: {events: 1}
                """.formatted(seed, size, size, layers + 12, layers, hops, eta)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.005, -0.005})
    void aSealedVoidIsNeitherFilledNorDissolved(double eta) {
        Simulation sim = film(12, 12, eta, false, 5);
        Lattice l = sim.lattice();
        int z0 = sim.surfaceZ() + 3;
        int[] voidSites = new int[8];
        int k = 0;
        for (int x = 5; x < 7; x++) {
            for (int y = 5; y < 7; y++) {
                for (int z = z0; z < z0 + 2; z++) {
                    voidSites[k] = l.site(l.columnAt(x, y), z);
                    sim.place(voidSites[k++], Species.EMPTY);
                }
            }
        }
        assertEquals(8, sim.sealedSites());
        long redoxBefore = sim.reductions() + sim.oxidations();
        sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, 6_000);
        assertTrue(sim.reductions() + sim.oxidations() - redoxBefore > 5_000, "the surface must exchange ions");
        int lowestTop = Integer.MAX_VALUE;
        for (int c = 0; c < l.columns(); c++) {
            lowestTop = Math.min(lowestTop, sim.columnTop(c));
        }
        assertTrue(lowestTop > z0 + 2, "the surface reached the void: lowest top " + lowestTop);
        for (int site : voidSites) {
            assertEquals(Species.EMPTY, sim.species(site), "void site filled");
            for (int d = 0; d < l.coordination(); d++) {
                int n = l.neighbour(site, d);
                boolean wall = !contains(voidSites, n);
                assertTrue(!wall || sim.species(n) == Species.METAL, "void wall dissolved");
            }
        }
        assertTrue(sim.sealedSites() >= 8, "sealed sites " + sim.sealedSites()); // the surface closes small voids too
        assertEquals(null, sim.catalogueMismatch());
    }

    private static boolean contains(int[] sites, int site) {
        for (int s : sites) {
            if (s == site) {
                return true;
            }
        }
        return false;
    }

    /** The exchange current density at η = 0 after equilibration, mA/cm² (reductions over time). */
    private static double exchangeCurrent(int layers) {
        Simulation sim = film(24, layers, 0.0, true, 9);
        sim.advance(0.2, Long.MAX_VALUE, Long.MAX_VALUE);
        long reductions = sim.reductions();
        double t0 = sim.time();
        sim.advance(2.2, Long.MAX_VALUE, Long.MAX_VALUE);
        long exchanged = sim.reductions() - reductions;
        assertTrue(exchanged > 2000, "too few reductions: " + exchanged);
        return exchanged * Units.ELEMENTARY_CHARGE / (sim.areaCm2() * (sim.time() - t0)) * 1e3;
    }

    @Test
    void exchangeCurrentOfAFlatFilmDoesNotDependOnItsThickness() {
        // with redox inside sealed vacancies the 20-layer film exchanged about 20% more than the 4-layer one
        double thin = exchangeCurrent(4);
        double thick = exchangeCurrent(20);
        assertEquals(1.0, thick / thin, 0.08, "j_ex 4 layers " + thin + ", 20 layers " + thick + " mA/cm²");
    }

    @Test
    void anodicDissolutionLeavesTheFilmBelowTheSurfaceCompact() {
        Simulation sim = film(24, 20, -0.1, true, 13);
        sim.advance(0.15, Long.MAX_VALUE, Long.MAX_VALUE);
        Lattice l = sim.lattice();
        int lowestTop = Integer.MAX_VALUE;
        for (int c = 0; c < l.columns(); c++) {
            lowestTop = Math.min(lowestTop, sim.columnTop(c));
        }
        assertTrue(sim.oxidations() - sim.reductions() > 2 * l.columns(), "dissolved " + sim.netIons());
        int layers = lowestTop - sim.surfaceZ();
        assertTrue(layers >= 8, "too little film left below the surface: " + layers + " layers");
        long empty = 0;
        for (int c = 0; c < l.columns(); c++) {
            for (int z = sim.surfaceZ(); z < lowestTop; z++) {
                empty += sim.species(l.site(c, z)) == Species.EMPTY ? 1 : 0;
            }
        }
        double porosity = empty / (double) (layers * l.columns());
        // thermal vacancies only (formation energy 3ε, exp(−3ε/kT) ≈ 0.5%); dissolution from inside left 16%
        assertTrue(porosity < 0.02, "porosity below the surface " + porosity);
    }
}
