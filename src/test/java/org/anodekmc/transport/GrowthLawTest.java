package org.anodekmc.transport;

import org.anodekmc.TestConfigs;
import org.anodekmc.engine.Simulation;
import org.anodekmc.observe.Fits;
import org.anodekmc.observe.Morphology;
import org.anodekmc.observe.SurfaceStatistics;
import org.anodekmc.run.Engines;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Analytic limits of growth with the ballistic supply and no surface diffusion. */
class GrowthLawTest {
    private static Simulation ballistic(String landing, int size, int height) {
        return Engines.build(TestConfigs.yaml(TestConfigs.metal(0.1, 0.3) + """
                seed: 5
                lattice: {size: [%d, %d, %d]}
                substrate: {host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.3}}
                hops: {enabled: false}
                supply: {mode: ballistic, landing: %s}
                control: {mode: galvanostatic, currentDensity: 1.0}
                stop: {events: 1}
                """.formatted(size, size, height, landing)));
    }

    /**
     * Random deposition: every column receives a Poisson number of atoms, so W² equals the mean height and W grows as
     * t^(1/2). The exponent is fitted over a decade and a half of deposit thickness.
     */
    @Test
    void randomDepositionRoughensAsSquareRootOfTime() {
        int size = 128;
        Simulation sim = ballistic("column-top", size, 90);
        double[] logT = new double[8];
        double[] logW = new double[8];
        for (int i = 0; i < logT.length; i++) {
            double meanLayers = 2 * Math.pow(2, i * 0.72); // 2 … ~66 layers
            sim.advance(Double.POSITIVE_INFINITY, (long) (meanLayers * size * size), Long.MAX_VALUE);
            SurfaceStatistics s = SurfaceStatistics.of(sim);
            assertEquals(s.meanHeight(), s.roughness() * s.roughness(), 0.06 * s.meanHeight(), "W² vs ⟨h⟩");
            logT[i] = Math.log(sim.time());
            logW[i] = Math.log(s.roughness());
        }
        double slope = Fits.slope(logT, logW);
        assertEquals(0.5, slope, 0.03, "growth exponent β");
    }

    /** Sticking at first contact (ballistic deposition) correlates neighbouring columns: W grows slower than t^(1/2). */
    @Test
    void ballisticDepositionRoughensSlowerThanRandomDeposition() {
        int size = 128;
        Simulation sim = ballistic("first-contact", size, 160);
        double[] logT = new double[6];
        double[] logW = new double[6];
        for (int i = 0; i < logT.length; i++) {
            sim.advance(Double.POSITIVE_INFINITY, (long) (4 * Math.pow(2, i * 0.6) * size * size), Long.MAX_VALUE);
            SurfaceStatistics s = SurfaceStatistics.of(sim);
            logT[i] = Math.log(sim.time());
            logW[i] = Math.log(s.roughness());
        }
        double slope = Fits.slope(logT, logW);
        assertTrue(slope < 0.42 && slope > 0.1, "growth exponent " + slope);
        assertTrue(SurfaceStatistics.of(sim).porosity() > 0.3, "ballistic deposits are porous");
    }

    /**
     * Box counting over edges 2 to a quarter of the box: a compact film far thicker than the largest box is
     * 3-dimensional (random deposition fills every site below each column's top), a flat layer 2-dimensional.
     */
    @Test
    void boxCountingGivesThreeForACompactFilmAndTwoForAFlatLayer() {
        // partly filled boxes along the rough top (W ≈ 13 layers) lower the count slope by about s/thickness
        Simulation film = ballistic("column-top", 32, 220);
        film.advance(Double.POSITIVE_INFINITY, 160L * 32 * 32, Long.MAX_VALUE);
        assertEquals(3.0, Morphology.of(film, SurfaceStatistics.of(film)).fractalDimension(), 0.1, "compact film");

        Simulation layer = Engines.build(TestConfigs.yaml(TestConfigs.metal(0.1, 0.3) + """
                lattice: {size: [32, 32, 8], initialMetalLayers: 1}
                substrate: {host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.3}}
                supply: {mode: ballistic}
                stop: {events: 1}
                """));
        assertEquals(2.0, Morphology.of(layer, SurfaceStatistics.of(layer)).fractalDimension(), 0.01, "flat layer");
    }
}
