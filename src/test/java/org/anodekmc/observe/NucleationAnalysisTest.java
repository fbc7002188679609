package org.anodekmc.observe;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The η_nuc definition on hand-made voltage curves whose dip and plateau are known by construction. */
class NucleationAnalysisTest {
    private static final int ROWS = 40;

    private static double[] times() {
        double[] t = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            t[i] = i;
        }
        return t;
    }

    /** Coverage rising linearly to 1 at row {@code coveredRow}. */
    private static double[] coverage(int coveredRow) {
        double[] c = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            c[i] = Math.min(1, (double) i / coveredRow);
        }
        return c;
    }

    @Test
    void dipWhileTheSubstrateIsCoveredIsPeakMinusPlateau() {
        double[] eta = new double[ROWS];
        java.util.Arrays.fill(eta, 0.020);
        eta[4] = 0.050;
        eta[5] = 0.050;
        eta[6] = 0.050;
        NucleationAnalysis n = NucleationAnalysis.of(times(), eta, times(), coverage(10));
        assertEquals(5, n.peakRow());
        assertEquals(0.050, n.peakEta(), 1e-12);
        assertEquals(0.020, n.plateauEta(), 1e-12);
        assertEquals(0.030, n.nucleationOverpotential(), 1e-12);
        assertEquals(5, n.peakCharge(), 1e-12);
    }

    @Test
    void peaksAfterTheSubstrateIsCoveredAreNotNucleationOnIt() {
        double[] eta = new double[ROWS];
        java.util.Arrays.fill(eta, 0.020);
        eta[3] = eta[4] = eta[5] = 0.030;
        eta[12] = eta[13] = eta[14] = 0.045; // a later layer nucleating in a small box
        NucleationAnalysis n = NucleationAnalysis.of(times(), eta, times(), coverage(10));
        assertEquals(4, n.peakRow());
        assertEquals(0.010, n.nucleationOverpotential(), 1e-12);
    }

    @Test
    void noDipWhenTheSitesTakeTheMetalAtUnderpotential() {
        double[] eta = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            eta[i] = i < 10 ? -0.010 + 0.002 * i : 0.015; // rises monotonically onto the plateau
        }
        NucleationAnalysis n = NucleationAnalysis.of(times(), eta, times(), coverage(8));
        assertTrue(n.peakEta() < n.plateauEta(), "peak " + n.peakEta() + " plateau " + n.plateauEta());
        assertEquals(0, n.nucleationOverpotential());
    }

    @Test
    void tooShortARunHasNoPlateau() {
        double[] t = {0, 1, 2, 3};
        double[] eta = {0.01, 0.02, 0.05, 0.04};
        NucleationAnalysis n = NucleationAnalysis.of(t, eta, t, new double[] {0, 0.1, 0.2, 0.3});
        assertTrue(Double.isNaN(n.nucleationOverpotential()));
    }
}
