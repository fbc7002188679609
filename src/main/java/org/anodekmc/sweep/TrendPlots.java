package org.anodekmc.sweep;

import org.anodekmc.plot.LineChart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trend plot per {@link Metric} (trend-eta_nuc.png, ...): the mean over replicates with standard-error bars
 * against the x axis, which is the first axis that is not the series axis. Lines: one per value of the series axis
 * when there is one; otherwise, in grid mode, one per combination of the other axes' values, and in zip mode (where
 * all axes move together) a single line. A categorical x axis shows each distinct label once, in order of appearance.
 */
public final class TrendPlots {
    public static final int WIDTH = 800;
    public static final int HEIGHT = 520;
    /** A numeric x axis spanning at least this factor (all values positive) is drawn on a log scale. */
    private static final double LOG_SPAN = 50;

    private TrendPlots() {
    }

    public static void write(Sweep sweep, SweepTables tables, Path folder) {
        int xAxis = xAxis(sweep);
        Sweep.Axis x = sweep.axes().get(xAxis);
        Map<String, List<SweepTables.PointStats>> lines = lines(sweep, tables, xAxis);
        for (Metric metric : Metric.values()) {
            LineChart chart = new LineChart(sweep.name() + ": " + metric.plotLabel + " vs " + x.column(), x.column(),
                    metric.plotLabel);
            boolean anyValue = false;
            for (Map.Entry<String, List<SweepTables.PointStats>> line : lines.entrySet()) {
                List<SweepTables.PointStats> pts = new ArrayList<>(line.getValue());
                pts.sort(Comparator.comparingDouble(p -> xValue(x, p.valueIndex().get(xAxis))));
                double[] xs = new double[pts.size()];
                double[] ys = new double[pts.size()];
                double[] es = new double[pts.size()];
                for (int i = 0; i < pts.size(); i++) {
                    xs[i] = xValue(x, pts.get(i).valueIndex().get(xAxis));
                    ys[i] = pts.get(i).mean()[metric.ordinal()] * metric.plotScale;
                    es[i] = pts.get(i).error()[metric.ordinal()] * metric.plotScale;
                    anyValue |= Double.isFinite(ys[i]);
                }
                chart.line(line.getKey(), xs, ys, es);
            }
            Path png = folder.resolve(metric.plotName() + ".png");
            if (!anyValue) {
                deleteStale(png);
                continue;
            }
            if (!x.numeric()) {
                chart.categories(categories(x));
            } else if (logScale(x)) {
                chart.logX();
            }
            chart.writePng(png, WIDTH, HEIGHT);
        }
    }

    /** Position on the x axis: the number itself, or the place of the value's label among the distinct labels. */
    private static double xValue(Sweep.Axis x, int valueIndex) {
        return x.numeric() ? x.values().get(valueIndex).asDouble()
                : categories(x).indexOf(x.labels().get(valueIndex));
    }

    private static List<String> categories(Sweep.Axis x) {
        return x.labels().stream().distinct().toList();
    }

    /** A plot left from an earlier session whose metric has no value now would mislead. */
    private static void deleteStale(Path png) {
        try {
            Files.deleteIfExists(png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + png, e);
        }
    }

    static int xAxis(Sweep sweep) {
        return sweep.seriesAxis() == 0 ? 1 : 0;
    }

    /** Points grouped into lines by the values of every axis but x, in sweep order. */
    private static Map<String, List<SweepTables.PointStats>> lines(Sweep sweep, SweepTables tables, int xAxis) {
        Map<String, List<SweepTables.PointStats>> lines = new LinkedHashMap<>();
        boolean zip = sweep.mode() == SweepDefinition.Mode.ZIP;
        for (SweepTables.PointStats p : tables.points()) {
            List<String> parts = new ArrayList<>();
            for (int a = 0; a < sweep.axes().size(); a++) {
                boolean splits = sweep.seriesAxis() >= 0 ? a == sweep.seriesAxis() : !zip && a != xAxis;
                if (splits) {
                    Sweep.Axis axis = sweep.axes().get(a);
                    parts.add(axis.column() + " = " + axis.labels().get(p.valueIndex().get(a)));
                }
            }
            lines.computeIfAbsent(parts.isEmpty() ? sweep.name() : String.join(", ", parts), k -> new ArrayList<>())
                    .add(p);
        }
        return lines;
    }

    private static boolean logScale(Sweep.Axis x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (var v : x.values()) {
            min = Math.min(min, v.asDouble());
            max = Math.max(max, v.asDouble());
        }
        return min > 0 && max / min >= LOG_SPAN;
    }
}
