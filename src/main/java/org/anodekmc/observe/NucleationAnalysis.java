package org.anodekmc.observe;

/**
 * The nucleation overpotential as experimentalists define it: η_nuc = η at the peak of the galvanostatic voltage dip
 * minus the mean η on the growth plateau after it. The peak is the highest value of the time series smoothed over
 * three consecutive rows (rows already hold η averaged over their interval; the extra smoothing keeps the noise of
 * single rows from posing as a peak), searched while the substrate is being covered (up to the first row with 90%
 * coverage): nucleation happens on the substrate, and in a small box the later layers of a smooth film nucleate one
 * after another with small peaks of their own that a real electrode averages out. The plateau is the second half (in
 * time) of the part of the run after the peak, so it starts well after the dip has relaxed. When η never climbs above
 * the plateau while the substrate is covered (single-atom sites that take the metal at underpotential), there is no
 * dip and η_nuc is 0; peakEta and plateauEta keep the measured values.
 *
 * @param peakEta      highest η of the run, V
 * @param peakTime     s
 * @param peakCharge   mAh/cm²
 * @param plateauEta   mean η over the plateau window, V (NaN if the window holds fewer than 3 rows)
 * @param plateauStart s
 * @param plateauEnd   s
 * @param plateauRows  time-series rows averaged
 * @param nucleationOverpotential η_nuc = max(0, peakEta − plateauEta), V (NaN without a plateau)
 * @param peakRow      index of the peak's row in the time series
 */
public record NucleationAnalysis(int peakRow, double peakEta, double peakTime, double peakCharge, double plateauEta,
                                 double plateauStart, double plateauEnd, int plateauRows,
                                 double nucleationOverpotential) {
    public static final String METHOD = "peak of η (rows smoothed over three) while the substrate is less than 90% "
            + "covered, minus the mean η over the second half (in time) of the run after the peak; 0 if the peak "
            + "stays below that plateau (no dip)";
    /** Substrate coverage at which nucleation is over and growth on the metal takes over. */
    static final double COVERED = 0.9;
    static final int MIN_PLATEAU_ROWS = 3;

    /**
     * @param time     time of each recorded row, ascending, s
     * @param eta      η of each row, V
     * @param charge   charge passed at each row, mAh/cm²
     * @param coverage fraction of the substrate under metal at each row
     */
    public static NucleationAnalysis of(double[] time, double[] eta, double[] charge, double[] coverage) {
        int peak = 0;
        double peakEta = Double.NEGATIVE_INFINITY;
        for (int i = 1; i < eta.length && (i == 1 || coverage[i - 1] < COVERED); i++) {
            double smoothed = (eta[i - 1] + eta[i] + eta[Math.min(i + 1, eta.length - 1)]) / 3;
            if (smoothed > peakEta) {
                peakEta = smoothed;
                peak = i;
            }
        }
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
        return new NucleationAnalysis(peak, peakEta, peakTime, charge[peak], plateau, start, end, rows,
                Double.isNaN(plateau) ? Double.NaN : Math.max(0, peakEta - plateau));
    }
}
