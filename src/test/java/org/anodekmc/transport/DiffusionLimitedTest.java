package org.anodekmc.transport;

import org.anodekmc.TestConfigs;
import org.anodekmc.engine.Simulation;
import org.anodekmc.observe.Islands;
import org.anodekmc.observe.Morphology;
import org.anodekmc.observe.SurfaceStatistics;
import org.anodekmc.run.Engines;
import org.anodekmc.units.Units;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Diffusion-limited ion supply: the DLA and compact limits, the effect of current, and conservation. */
class DiffusionLimitedTest {
    /**
     * @param bond    ε_MM = ε_host (eV); 0 makes every contact site alike
     * @param hops    surface diffusion: "{enabled: false}" or a hop block
     * @param current mA/cm²
     */
    private static Simulation deposit(double bond, String hops, double current, double layers) {
        return deposit(bond, hops, current, layers, 0);
    }

    /** @param reservoir distance to the relaunch plane, sites (0: the box's width) */
    private static Simulation deposit(double bond, String hops, double current, double layers, int reservoir) {
        Simulation sim = Engines.build(TestConfigs.yaml(TestConfigs.metal(bond, 0.45) + """
                seed: 4
                lattice: {size: [48, 48, 40]}
                substrate: {host: {name: H, bondEnergy: %s, terraceBarrier: 0.45}}
                hops: %s
                supply: {mode: diffusion-limited, reservoirDistance: %d, sticking: 1.0}
                control: {mode: galvanostatic, currentDensity: %s}
                stop: {events: 1}
                """.formatted(bond, hops, reservoir, current)));
        sim.advance(Double.POSITIVE_INFINITY, (long) (layers * 48 * 48), Long.MAX_VALUE);
        return sim;
    }

    private static final String FAST_DIFFUSION = "{law: bond-counting, neighbourBarrier: 0.1, secondShell: true}";

    @Test
    void stickingOnContactWithoutSurfaceDiffusionGrowsARamifiedDeposit() {
        Simulation sim = deposit(0.0, "{enabled: false}", 1.0, 1.5);
        SurfaceStatistics s = SurfaceStatistics.of(sim);
        Morphology m = Morphology.of(sim, s);
        assertTrue(m.fractalDimension() < 2.4, "fractal dimension " + m.fractalDimension());
        assertTrue(s.porosity() > 0.5, "porosity " + s.porosity());
        assertTrue(m.tips() > 10, "tips " + m.tips());
    }

    @Test
    void fastSurfaceDiffusionGrowsACompactDeposit() {
        Simulation sim = deposit(0.1, FAST_DIFFUSION, 1.0, 10);
        SurfaceStatistics s = SurfaceStatistics.of(sim);
        assertTrue(s.porosity() < 0.02, "porosity " + s.porosity());
        assertTrue(Morphology.of(sim, s).fractalDimension() > 2.6);
        assertTrue(s.roughness() < 1.5, "roughness " + s.roughness());
    }

    /** Less time for surface diffusion per deposited layer: a higher current roughens the deposit more. */
    @Test
    void roughnessAtEqualChargeGrowsWithCurrentDensity() {
        String slowDiffusion = "{law: bond-counting, neighbourBarrier: 0.1, secondShell: true}";
        double low = SurfaceStatistics.of(deposit(0.1, slowDiffusion.replace("0.1", "0.12"), 0.2, 3)).roughness();
        double high = SurfaceStatistics.of(deposit(0.1, slowDiffusion.replace("0.1", "0.12"), 20, 3)).roughness();
        assertTrue(high > 1.3 * low, "roughness " + low + " at 0.2 mA/cm², " + high + " at 20 mA/cm²");
    }

    @Test
    void everyArrivingIonIsOneAtomAndItsCharge() {
        Simulation sim = deposit(0.05, FAST_DIFFUSION, 2.0, 2);
        assertEquals(sim.reductions(), sim.metalAtoms());
        assertEquals(0, sim.oxidations());
        assertEquals(0, Islands.of(sim).detachedAtoms());
        double charge = sim.reductions() * Units.ELEMENTARY_CHARGE / sim.areaCm2() / Units.COULOMB_PER_MAH;
        assertEquals(charge, sim.chargeMAhPerCm2(), 1e-12 * charge);
        // the flux is the applied current: ions per second per site, within Poisson noise
        double expected = Units.fluxPerSite(2.0, sim.rates().siteArea(), 1) * 48 * 48 * sim.time();
        assertEquals(expected, sim.reductions(), 5 * Math.sqrt(expected));
    }

    /** Walkers start where far-field ions first arrive; the relaunch plane is far enough not to matter. */
    @Test
    void theDepositDoesNotDependOnTheReservoirDistance() {
        // the heights of a few branches fluctuate too much between runs to compare; porosity and dimension do not
        Simulation near = deposit(0.0, "{enabled: false}", 1.0, 1.5, 48);
        Simulation far = deposit(0.0, "{enabled: false}", 1.0, 1.5, 400);
        SurfaceStatistics n = SurfaceStatistics.of(near);
        SurfaceStatistics f = SurfaceStatistics.of(far);
        assertEquals(n.porosity(), f.porosity(), 0.03 * n.porosity(), "porosity");
        assertEquals(Morphology.of(near, n).fractalDimension(), Morphology.of(far, f).fractalDimension(), 0.08,
                "box-counting dimension");
    }
}
