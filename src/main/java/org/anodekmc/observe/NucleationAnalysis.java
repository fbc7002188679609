package org.anodekmc.observe;

/**
 * The nucleation overpotential as experimentalists define it: η_nuc = η at the peak of the galvanostatic voltage dip
 * minus the mean η on the growth plateau after it. The peak is the highest value of the time series smoothed over
 * three consecutive rows (rows already hold η averaged over their interval; the extra smoothing keeps the noise of
 * single rows from posing as a peak); the plateau is the second half (in time) of the part of the run after the
 * peak, so it starts well after the dip has relaxed.
 *
 * <p>On hosts that the metal wets (single-atom sites that take it at underpotential), the substrate is covered
 * without a barrier and the highest peak can come later, when the metal nucleates on its own first layer. The
 * substrate peak, the highest smoothed η while less than 90% of the substrate is covered, tells the two apart:
 * substrateNucleationOverpotential = max(0, substrate peak − plateau).
 *
 * @param peakRow          index of the peak's row in the time series
 * @param peakEta          highest η of the run (smoothed), V
 * @param peakTime         s
 * @param peakCharge       mAh/cm²
 * @param plateauEta       mean η over the plateau window, V (NaN if the window holds fewer than 3 rows)
 * @param plateauStart     s
 * @param plateauEnd       s
 * @param plateauRows      time-series rows averaged
 * @param nucleationOverpotential η_nuc = peakEta − plateauEta, V (NaN without a plateau)
 * @param substratePeakRow row of the highest smoothed η while the substrate is less than 90% covered
 * @param substratePeakEta V
 * @param substrateNucleationOverpotential max(0, substratePeakEta − plateauEta), V (NaN without a plateau)
 */
public record NucleationAnalysis(int peakRow, double peakEta, double peakTime, double peakCharge, double plateauEta,
                                 double plateauStart, double plateauEnd, int plateauRows,
                                 double nucleationOverpotential, int substratePeakRow, double substratePeakEta,
                                 double substrateNucleationOverpotential) {
    public static final String METHOD = "peak of η (rows smoothed over three) minus the mean η over the second half "
            + "(in time) of the run after the peak; the substrate value takes the peak while less than 90% of the "
            + "substrate is covered (0 if it stays below the plateau)";
    /** Substrate coverage at which nucleation on the substrate is over. */
    static final double COVERED = 0.9;
    static final int MIN_PLATEAU_ROWS = 3;

    /**
     * @param time     time of each recorded row, ascending, s
     * @param eta      η of each row, V
     * @param charge   charge passed at each row, mAh/cm²
     * @param coverage fraction of the substrate under metal at each row
     */
    public static NucleationAnalysis of(double[] time, double[] eta, double[] charge, double[] coverage) {
        int peak = highestSmoothed(eta, eta.length);
        int substrateRows = 1;
        while (substrateRows < eta.length && coverage[substrateRows - 1] < COVERED) {
            substrateRows++;
        }
        int substratePeak = highestSmoothed(eta, substrateRows);
        double end = time[time.length - 1];
        double peakTime = time[peak];
        double start = peakTime + (end - peakTime) / 2;
        double sum = 0;
        int rows = 0;
        for (int i = 0; i < time.length; i++) {
            if (time[i] >= start && time[i] > peakTime) {
                sum += eta[i];
                rows++;
            }
        }
        double plateau = rows >= MIN_PLATEAU_ROWS ? sum / rows : Double.NaN;
        double peakEta = smoothed(eta, peak);
        double substratePeakEta = smoothed(eta, substratePeak);
        return new NucleationAnalysis(peak, peakEta, peakTime, charge[peak], plateau, start, end, rows,
                peakEta - plateau, substratePeak, substratePeakEta,
                Double.isNaN(plateau) ? Double.NaN : Math.max(0, substratePeakEta - plateau));
    }

    /** Row (from 1 up to, not including, {@code limit}) of the highest η smoothed over three rows. */
    private static int highestSmoothed(double[] eta, int limit) {
        int best = 0;
        double bestEta = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < limit; i++) {
            double s = smoothed(eta, i);
            if (s > bestEta) {
                bestEta = s;
                best = i;
            }
        }
        return best;
    }

    private static double smoothed(double[] eta, int i) {
        return (eta[Math.max(i - 1, 0)] + eta[i] + eta[Math.min(i + 1, eta.length - 1)]) / 3;
    }
}
