package org.anodekmc.observe;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The η_nuc definitions on hand-made voltage curves whose dips and plateau are known by construction. */
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
        Arrays.fill(eta, 0.020);
        eta[4] = eta[5] = eta[6] = 0.050;
        NucleationAnalysis n = NucleationAnalysis.of(times(), eta, times(), coverage(10));
        assertEquals(5, n.peakRow());
        assertEquals(0.050, n.peakEta(), 1e-12);
        assertEquals(0.020, n.plateauEta(), 1e-12);
        assertEquals(0.030, n.nucleationOverpotential(), 1e-12);
        assertEquals(5, n.peakCharge(), 1e-12);
        assertEquals(5, n.substratePeakRow());
        assertEquals(0.030, n.substrateNucleationOverpotential(), 1e-12);
    }

    @Test
    void aLaterPeakOnTheMetalsOwnLayerIsTheHeadlineAndTheSubstrateValueStaysApart() {
        double[] eta = new double[ROWS];
        Arrays.fill(eta, 0.020);
        eta[3] = eta[4] = eta[5] = 0.030;
        eta[12] = eta[13] = eta[14] = 0.045; // the second layer nucleating on a complete first layer
        NucleationAnalysis n = NucleationAnalysis.of(times(), eta, times(), coverage(10));
        assertEquals(13, n.peakRow());
        assertEquals(0.025, n.nucleationOverpotential(), 1e-12);
        assertEquals(4, n.substratePeakRow());
        assertEquals(0.010, n.substrateNucleationOverpotential(), 1e-12);
    }

    @Test
    void noSubstrateDipWhenTheSitesTakeTheMetalAtUnderpotential() {
        double[] eta = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            eta[i] = i < 10 ? -0.010 + 0.002 * i : 0.015; // rises monotonically onto the plateau
        }
        NucleationAnalysis n = NucleationAnalysis.of(times(), eta, times(), coverage(8));
        assertTrue(n.substratePeakEta() < n.plateauEta(), "peak " + n.substratePeakEta() + " plateau " + n.plateauEta());
        assertEquals(0, n.substrateNucleationOverpotential());
    }

    @Test
    void tooShortARunHasNoPlateau() {
        double[] t = {0, 1, 2, 3};
        double[] eta = {0.01, 0.02, 0.05, 0.04};
        NucleationAnalysis n = NucleationAnalysis.of(t, eta, t, new double[] {0, 0.1, 0.2, 0.3});
        assertTrue(Double.isNaN(n.nucleationOverpotential()));
        assertTrue(Double.isNaN(n.substrateNucleationOverpotential()));
    }
}
