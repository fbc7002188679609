package org.anodekmc.sweep;

import org.anodekmc.io.CsvWriter;
import org.anodekmc.io.RunFolder;
import org.anodekmc.observe.Fits;
import org.anodekmc.plot.LineChart;
import org.apache.commons.statistics.ranking.NaturalRanking;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Simulated against measured η_nuc for every system of a {@link ValidationSet}, written as
 * <ul>
 * <li>validation.csv: one row per system (measured value and source, role, simulated mean ± standard error);</li>
 * <li>validation-ratios.csv: for each decorated system with a bare partner, η_nuc(bare)/η_nuc(decorated) simulated
 * and measured;</li>
 * <li>validation-summary.txt: the same as text, with the rank correlation of simulated and measured values;</li>
 * <li>parity.png: simulated against measured, calibration systems apart from predictions, with the line y = x.</li>
 * </ul>
 */
public final class ValidationReport {
    public static final String TABLE = "validation.csv";
    public static final String RATIOS = "validation-ratios.csv";
    public static final String SUMMARY = "validation-summary.txt";
    public static final String PARITY = "parity.png";
    /** A rank correlation of fewer points says nothing (two points are always ±1). */
    static final int MIN_RANKED = 3;

    /**
     * One system.
     *
     * @param simulatedMean  mV, mean over the replicates that have an η_nuc; NaN when none has
     * @param simulatedError mV, standard error of that mean; NaN with fewer than two
     * @param replicates     replicates that have an η_nuc
     */
    public record Row(ValidationSet.Member member, double simulatedMean, double simulatedError, int replicates) {
    }

    /**
     * η_nuc(bare)/η_nuc(decorated) on one host.
     *
     * @param simulatedError standard error of the simulated ratio, from the two means' errors (first order)
     */
    public record Ratio(ValidationSet.Member bare, ValidationSet.Member decorated, double simulated,
                        double simulatedError, double measured) {
    }

    /**
     * Spearman's rank correlation of simulated with measured η_nuc (ties get their average rank).
     *
     * @param n   systems with a simulated value
     * @param rho NaN when n is below {@link #MIN_RANKED} or one of the two has all ranks equal
     */
    public record RankCorrelation(int n, double rho) {
        static RankCorrelation of(List<Row> rows) {
            List<Row> ranked = rows.stream().filter(r -> Double.isFinite(r.simulatedMean())).toList();
            return of(ranked.stream().mapToDouble(r -> r.member().measuredEtaNuc()).toArray(),
                    ranked.stream().mapToDouble(Row::simulatedMean).toArray());
        }

        /** Of two equally long lists of numbers. */
        static RankCorrelation of(double[] measured, double[] simulated) {
            int n = measured.length;
            if (n < MIN_RANKED) {
                return new RankCorrelation(n, Double.NaN);
            }
            NaturalRanking ranking = new NaturalRanking();
            return new RankCorrelation(n, pearson(ranking.apply(measured), ranking.apply(simulated)));
        }

        String describe() {
            return Double.isFinite(rho) ? String.format(Locale.ROOT, "ρ = %.2f (n = %d)", rho, n)
                    : String.format(Locale.ROOT, "not defined (n = %d; needs at least %d systems with distinct "
                    + "values)", n, MIN_RANKED);
        }
    }

    private final ValidationSet set;
    private final List<Row> rows;
    private final List<Ratio> ratios;

    private ValidationReport(ValidationSet set, List<Row> rows, List<Ratio> ratios) {
        this.set = set;
        this.rows = rows;
        this.ratios = ratios;
    }

    /** The report from a set's sweep tables (points in the order of the set's systems). */
    public static ValidationReport of(ValidationSet set, SweepTables tables) {
        int eta = Metric.ETA_NUC.ordinal();
        double mV = Metric.ETA_NUC.plotScale;
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < set.members().size(); p++) {
            SweepTables.PointStats stats = tables.points().get(p);
            rows.add(new Row(set.members().get(p), stats.mean()[eta] * mV, stats.error()[eta] * mV, stats.n()[eta]));
        }
        List<Ratio> ratios = new ArrayList<>();
        for (Row decorated : rows) {
            String bareName = decorated.member().bare();
            if (bareName != null) {
                Row bare = rows.stream().filter(r -> r.member().name().equals(bareName)).findFirst().orElseThrow();
                double ratio = bare.simulatedMean() / decorated.simulatedMean();
                double error = Math.abs(ratio) * Math.hypot(bare.simulatedError() / bare.simulatedMean(),
                        decorated.simulatedError() / decorated.simulatedMean());
                ratios.add(new Ratio(bare.member(), decorated.member(), ratio, error,
                        bare.member().measuredEtaNuc() / decorated.member().measuredEtaNuc()));
            }
        }
        return new ValidationReport(set, List.copyOf(rows), List.copyOf(ratios));
    }

    public List<Row> rows() {
        return rows;
    }

    public List<Ratio> ratios() {
        return ratios;
    }

    /** Over the predictions only: the systems whose measured value set no model constant. */
    public RankCorrelation predictions() {
        return RankCorrelation.of(rows.stream().filter(r -> r.member().role() == ValidationSet.Role.PREDICTION)
                .toList());
    }

    public RankCorrelation all() {
        return RankCorrelation.of(rows);
    }

    /** Writes the four outputs into the set's folder, each atomically; returns this report. */
    public ValidationReport write(Path folder) {
        RunFolder.writeAtomically(folder.resolve(TABLE), tableCsv());
        RunFolder.writeAtomically(folder.resolve(RATIOS), ratiosCsv());
        RunFolder.writeAtomically(folder.resolve(SUMMARY), summary());
        parityPlot().writePng(folder.resolve(PARITY), TrendPlots.WIDTH, TrendPlots.HEIGHT);
        return this;
    }

    String tableCsv() {
        StringBuilder sb = new StringBuilder(CsvWriter.format("system", "metal", "host", "sites",
                "current_density_mA_cm2", "temperature_K", "box_sites", "role", "measured_eta_nuc_mV", "source",
                "simulated_eta_nuc_mV", "simulated_eta_nuc_se_mV", "replicates")).append('\n');
        for (Row r : rows) {
            ValidationSet.Member m = r.member();
            sb.append(CsvWriter.format(m.name(), m.config().metal().name(), m.config().substrate().host().name(),
                    m.sites(), m.config().control().currentDensity(), m.config().temperature(), m.box(),
                    m.role().spelling(), m.measuredEtaNuc(), m.source(), SweepTables.cell(r.simulatedMean()),
                    SweepTables.cell(r.simulatedError()), r.replicates())).append('\n');
        }
        return sb.toString();
    }

    String ratiosCsv() {
        StringBuilder sb = new StringBuilder(CsvWriter.format("metal", "host", "bare", "decorated",
                "simulated_ratio", "simulated_ratio_se", "measured_ratio")).append('\n');
        for (Ratio r : ratios) {
            sb.append(CsvWriter.format(r.bare().config().metal().name(), r.bare().config().substrate().host().name(),
                    r.bare().name(), r.decorated().name(), SweepTables.cell(r.simulated()), SweepTables.cell(r.simulatedError()),
                    r.measured())).append('\n');
        }
        return sb.toString();
    }

    /** What the command prints: each system, the rank correlations and the bare/SA ratios. */
    public String summary() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "validation set %s: %d systems × %d replicates%n", set.sweep().name(), rows.size(),
                set.sweep().replicates()));
        int width = rows.stream().mapToInt(r -> r.member().name().length()).max().orElse(0);
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "  %-" + width + "s  %-11s  measured %6.1f mV  simulated %s%n",
                    r.member().name(), r.member().role().spelling(), r.member().measuredEtaNuc(), simulated(r)));
        }
        sb.append("rank correlation (Spearman) of simulated with measured η_nuc, predictions: ")
                .append(predictions().describe()).append('\n');
        sb.append("rank correlation (Spearman) of simulated with measured η_nuc, all systems: ")
                .append(all().describe()).append('\n');
        for (Ratio r : ratios) {
            sb.append(String.format(Locale.ROOT, "bare/SA ratio of η_nuc, %s on %s (%s / %s): simulated %s, "
                            + "measured %.2f%n", r.bare().config().metal().name(),
                    r.bare().config().substrate().host().name(), r.bare().name(), r.decorated().name(),
                    Double.isFinite(r.simulated()) ? String.format(Locale.ROOT, "%.2f ± %.2f", r.simulated(),
                            r.simulatedError()) : "none", r.measured()));
        }
        return sb.toString();
    }

    private static String simulated(Row r) {
        if (!Double.isFinite(r.simulatedMean())) {
            return "none (no replicate has an η_nuc)";
        }
        return String.format(Locale.ROOT, "%6.1f ± %.1f mV (%d replicates)", r.simulatedMean(), r.simulatedError(),
                r.replicates());
    }

    /** Simulated against measured with standard-error bars, one series per role, the y = x line across both. */
    LineChart parityPlot() {
        LineChart chart = new LineChart(set.sweep().name() + ": simulated against measured η_nuc",
                "measured η_nuc (mV)", "simulated η_nuc (mV)");
        double top = 0;
        for (ValidationSet.Role role : ValidationSet.Role.values()) {
            List<Row> of = rows.stream().filter(r -> r.member().role() == role).toList();
            if (of.isEmpty()) {
                continue;
            }
            double[] x = of.stream().mapToDouble(r -> r.member().measuredEtaNuc()).toArray();
            double[] y = of.stream().mapToDouble(Row::simulatedMean).toArray();
            double[] e = of.stream().mapToDouble(Row::simulatedError).toArray();
            chart.points(role.spelling(), x, y, e);
            for (int i = 0; i < of.size(); i++) {
                top = Math.max(top, x[i]);
                if (Double.isFinite(y[i])) {
                    top = Math.max(top, y[i] + (Double.isFinite(e[i]) ? e[i] : 0));
                    chart.point(of.get(i).member().name(), x[i], y[i]);
                }
            }
        }
        chart.guide("y = x", new double[]{0, 1.1 * top}, new double[]{0, 1.1 * top});
        return chart;
    }

    /** Pearson's correlation from the two least-squares slopes: their product is its square. */
    private static double pearson(double[] a, double[] b) {
        if (Arrays.stream(a).distinct().count() < 2 || Arrays.stream(b).distinct().count() < 2) {
            return Double.NaN;
        }
        double ab = Fits.slope(a, b);
        return Math.signum(ab) * Math.sqrt(ab * Fits.slope(b, a));
    }
}
