package org.anodekmc.sweep;

import org.anodekmc.io.CsvWriter;
import org.anodekmc.io.RunFolder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of a sweep, each written atomically:
 * <ul>
 * <li>sweep.csv: one row per run, the axis values first, then replicate, seed, the {@link Metric}s, status and error.
 * It holds only what follows from (sweep file, seeds), so it is identical whatever the thread count and whether
 * runs were reused from an earlier session.</li>
 * <li>sweep-mean.csv: one row per point, each metric's mean, standard error and count over the replicates that
 * finished and have a value.</li>
 * <li>timing.csv: wall time and events per run, which depend on the machine and its load.</li>
 * </ul>
 */
public final class SweepTables {
    public static final String RUNS = "sweep.csv";
    public static final String MEANS = "sweep-mean.csv";
    public static final String TIMING = "timing.csv";

    /**
     * One point's statistics over its replicates.
     *
     * @param valueIndex for each axis, the index of its value
     * @param mean       by Metric ordinal; NaN when no replicate has a value
     * @param error      standard error of the mean (sample standard deviation / √n); NaN when n < 2
     * @param n          replicates with a value
     */
    public record PointStats(int point, List<Integer> valueIndex, int ok, int failed, double[] mean, double[] error,
                             int[] n) {
    }

    private final Sweep sweep;
    private final List<SweepRunner.Outcome> outcomes;
    private final List<PointStats> points;

    private SweepTables(Sweep sweep, List<SweepRunner.Outcome> outcomes, List<PointStats> points) {
        this.sweep = sweep;
        this.outcomes = outcomes;
        this.points = points;
    }

    /** Outcomes in run order (as {@link Sweep#runs()}). */
    public static SweepTables of(Sweep sweep, List<SweepRunner.Outcome> outcomes) {
        List<PointStats> points = new ArrayList<>();
        int metrics = Metric.values().length;
        for (int p = 0; p < sweep.points(); p++) {
            List<SweepRunner.Outcome> replicates = outcomes.subList(p * sweep.replicates(),
                    (p + 1) * sweep.replicates());
            double[] mean = new double[metrics];
            double[] error = new double[metrics];
            int[] n = new int[metrics];
            for (int m = 0; m < metrics; m++) {
                double sum = 0;
                for (SweepRunner.Outcome o : replicates) {
                    if (Double.isFinite(o.metrics()[m])) {
                        sum += o.metrics()[m];
                        n[m]++;
                    }
                }
                mean[m] = n[m] == 0 ? Double.NaN : sum / n[m];
                double squares = 0;
                for (SweepRunner.Outcome o : replicates) {
                    if (Double.isFinite(o.metrics()[m])) {
                        squares += (o.metrics()[m] - mean[m]) * (o.metrics()[m] - mean[m]);
                    }
                }
                error[m] = n[m] < 2 ? Double.NaN : Math.sqrt(squares / (n[m] - 1) / n[m]);
            }
            int ok = (int) replicates.stream().filter(SweepRunner.Outcome::ok).count();
            points.add(new PointStats(p, replicates.get(0).run().valueIndex(), ok, replicates.size() - ok, mean,
                    error, n));
        }
        return new SweepTables(sweep, outcomes, List.copyOf(points));
    }

    public List<PointStats> points() {
        return points;
    }

    public void write(Path folder) {
        RunFolder.writeAtomically(folder.resolve(RUNS), runsCsv());
        RunFolder.writeAtomically(folder.resolve(MEANS), meansCsv());
        RunFolder.writeAtomically(folder.resolve(TIMING), timingCsv());
    }

    String runsCsv() {
        List<Object> header = axisColumns();
        header.add("replicate");
        header.add("seed");
        for (Metric m : Metric.values()) {
            header.add(m.column);
        }
        header.add("status");
        header.add("error");
        header.add("run");
        StringBuilder sb = new StringBuilder(CsvWriter.format(header.toArray())).append('\n');
        for (SweepRunner.Outcome o : outcomes) {
            List<Object> row = axisValues(o.run().valueIndex());
            row.add(o.run().replicate());
            row.add(o.run().seed());
            for (double v : o.metrics()) {
                row.add(cell(v));
            }
            row.add(o.ok() ? "ok" : "failed");
            row.add(o.error() == null ? "" : o.error());
            row.add(SweepRunner.POINTS + "/" + o.run().id());
            sb.append(CsvWriter.format(row.toArray())).append('\n');
        }
        return sb.toString();
    }

    String meansCsv() {
        List<Object> header = axisColumns();
        header.add("runs_ok");
        header.add("runs_failed");
        for (Metric m : Metric.values()) {
            header.add(m.column + "_mean");
            header.add(m.column + "_se");
            header.add(m.column + "_n");
        }
        StringBuilder sb = new StringBuilder(CsvWriter.format(header.toArray())).append('\n');
        for (PointStats p : points) {
            List<Object> row = axisValues(p.valueIndex());
            row.add(p.ok());
            row.add(p.failed());
            for (int m = 0; m < Metric.values().length; m++) {
                row.add(cell(p.mean()[m]));
                row.add(cell(p.error()[m]));
                row.add(p.n()[m]);
            }
            sb.append(CsvWriter.format(row.toArray())).append('\n');
        }
        return sb.toString();
    }

    String timingCsv() {
        StringBuilder sb = new StringBuilder("run,status,wall_s,events,events_per_s\n");
        for (SweepRunner.Outcome o : outcomes) {
            double rate = o.events() / o.wallSeconds();
            sb.append(CsvWriter.format(o.run().id(), o.status().name().toLowerCase(), cell(o.wallSeconds()),
                    o.events(), cell(rate))).append('\n');
        }
        return sb.toString();
    }

    private List<Object> axisColumns() {
        List<Object> columns = new ArrayList<>();
        sweep.axes().forEach(a -> columns.add(a.column()));
        return columns;
    }

    private List<Object> axisValues(List<Integer> valueIndex) {
        List<Object> values = new ArrayList<>();
        for (int a = 0; a < sweep.axes().size(); a++) {
            values.add(sweep.axes().get(a).labels().get(valueIndex.get(a)));
        }
        return values;
    }

    /** A number, or an empty cell where there is none. */
    static Object cell(double v) {
        return Double.isFinite(v) ? (Object) v : "";
    }
}
