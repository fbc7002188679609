package org.anodekmc.engine;

import org.anodekmc.lattice.SimpleCubicLattice;
import org.anodekmc.TestConfigs;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.model.RateModel;
import org.anodekmc.run.Engines;
import org.anodekmc.units.Units;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The model electrode reproduces the kinetics its electrolyte preset is built from: Zn in ZnSO4, whose measured
 * Tafel slopes are about 120 mV/decade cathodic and 40 anodic (α·n = 0.5 and 1.5), and whose j0 the model surface is
 * calibrated to (8 mA/cm²). Each partial current is measured potentiostatically: the surface is equilibrated at
 * η = 0, then held at η for as long as it takes to pass about a thousand ions, the same number at every η, so that
 * every measurement sees the surface change by as much. All start from the same equilibrated surface.
 */
class ElectrodeKineticsTest {
    private static final double TARGET_J0 = 8.0;
    private static final double EQUILIBRATION = 0.5;
    private static final double IONS = 1000;
    private static byte[] equilibrated;

    private static SimulationConfig zincStep(double eta, double window, double temperature) {
        return TestConfigs.yaml("""
                seed: 3
                temperature: %s
                lattice: {type: simple-cubic, size: [48, 48, 12], initialMetalLayers: 4}
                metal: Zn
                electrolyte: ZnSO4
                substrate: {host: N-graphene}
                control: {mode: potentiostatic, overpotential: [{time: 0, eta: 0}, {time: %s, eta: %s}]}
                stop: {time: %s}
                """.formatted(temperature, EQUILIBRATION, eta, EQUILIBRATION + window));
    }

    /** The surface just before the potential step (any step: η is still 0), as a checkpoint state. */
    private static byte[] equilibratedSurface() throws java.io.IOException {
        if (equilibrated == null) {
            Simulation sim = Engines.build(zincStep(0.0, 1.0, 298.15));
            sim.advance(EQUILIBRATION - 1e-9, Long.MAX_VALUE, Long.MAX_VALUE);
            var bytes = new java.io.ByteArrayOutputStream();
            sim.writeState(new java.io.DataOutputStream(bytes));
            equilibrated = bytes.toByteArray();
        }
        return equilibrated;
    }

    /** Cathodic (η > 0: reductions) or anodic (η < 0: oxidations) partial current at η, mA/cm². */
    private static double partialCurrent(double eta) throws java.io.IOException {
        double kT = Units.kT(298.15);
        double alphaN = eta > 0 ? 0.5 : -1.5;
        // hold η long enough for about IONS transfers at the rate the target kinetics predict
        double ionsPerSecond = TARGET_J0 * 1e-3 * 48 * 48 * RateModel.siteArea(new SimpleCubicLattice(1, 1, 1),
                zincStep(0, 1, 298.15).metal())
                / (2 * Units.ELEMENTARY_CHARGE) * Math.exp(alphaN * eta / kT);
        double window = IONS / ionsPerSecond;
        Simulation sim = Engines.build(zincStep(eta, window, 298.15));
        sim.readState(new java.io.DataInputStream(new java.io.ByteArrayInputStream(equilibratedSurface())));
        sim.advance(EQUILIBRATION, Long.MAX_VALUE, Long.MAX_VALUE);
        long before = eta > 0 ? sim.reductions() : sim.oxidations();
        sim.advance(EQUILIBRATION + window, Long.MAX_VALUE, Long.MAX_VALUE);
        long transferred = (eta > 0 ? sim.reductions() : sim.oxidations()) - before;
        return 2 * Units.ELEMENTARY_CHARGE * transferred / (sim.areaCm2() * window) * 1e3;
    }

    /** Tafel line through two points: {slope in V/decade, j0 in mA/cm² extrapolated to η = 0}. */
    private static double[] tafel(double eta1, double eta2) throws java.io.IOException {
        double j1 = partialCurrent(eta1);
        double j2 = partialCurrent(eta2);
        double slope = (eta2 - eta1) / Math.log10(j2 / j1);
        return new double[]{Math.abs(slope), j1 * Math.pow(10, -eta1 / slope)};
    }

    @Test
    void potentiostaticCurrentsRecoverTheTafelSlopesAndTheExchangeCurrent() throws java.io.IOException {
        double decade = Math.log(10) * Units.kT(298.15);
        double[] cathodic = tafel(0.04, 0.16);
        double[] anodic = tafel(-0.015, -0.055);
        assertEquals(decade / 0.5, cathodic[0], 0.1 * decade / 0.5, "cathodic Tafel slope, V/decade");
        assertEquals(decade / 1.5, anodic[0], 0.1 * decade / 1.5, "anodic Tafel slope, V/decade");
        assertEquals(TARGET_J0, cathodic[1], 0.1 * TARGET_J0, "j0 from the cathodic branch, mA/cm²");
        assertEquals(TARGET_J0, anodic[1], 0.1 * TARGET_J0, "j0 from the anodic branch, mA/cm²");
    }

    @Test
    void exchangeCurrentFollowsArrheniusWithTheActivationEnergyOfZnSO4() {
        // 52.2 kJ/mol: j0 falls by exp(52200/8.314·(1/243.15 − 1/298.15)) = 117 from 25 °C to −30 °C
        double warm = TestConfigs.rateModel(zincStep(0, 1, 298.15), new double[]{0}).k0();
        double cold = TestConfigs.rateModel(zincStep(0, 1, 243.15), new double[]{0}).k0();
        assertEquals(117.0, warm / cold, 1.5);
    }
}
