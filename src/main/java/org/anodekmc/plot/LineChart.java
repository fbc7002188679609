package org.anodekmc.plot;

import org.anodekmc.io.RunFolder;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A line chart written as PNG (JFreeChart): lines with optional error bars, points without a line (a scatter), an
 * optional categorical x axis, and marks (a labelled point, a shaded x interval, a horizontal level, a plain guide
 * line). Points whose x or y is not finite are left out.
 */
public final class LineChart {
    /** Lines with more points than this are drawn without a symbol at each point. */
    private static final int MAX_POINTS_WITH_SYMBOLS = 60;
    private static final Color MARK = new Color(200, 40, 40);
    private static final BasicStroke DASHED = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[]{6f, 4f}, 0f);

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    /** How each series (by index) is drawn. */
    private final List<Style> styles = new ArrayList<>();
    private final List<Consumer<XYPlot>> marks = new ArrayList<>();
    /** y values of marks, which the y axis must show even where no line goes. */
    private final List<Double> markedY = new ArrayList<>();
    private List<String> categories;
    private boolean logX;
    private boolean errors;
    private int maxPoints;

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineChart line(String name, double[] x, double[] y) {
        return line(name, x, y, null);
    }

    /** A line with error bars y ± error (error may be null or hold NaN where unknown). */
    public LineChart line(String name, double[] x, double[] y, double[] error) {
        return series(name, x, y, error, Style.LINE);
    }

    /** Points with error bars y ± error and no line between them. */
    public LineChart points(String name, double[] x, double[] y, double[] error) {
        return series(name, x, y, error, Style.POINTS);
    }

    /** A thin dashed line without symbols, such as y = x; it is in the legend like the others. */
    public LineChart guide(String name, double[] x, double[] y) {
        return series(name, x, y, null, Style.GUIDE);
    }

    private enum Style { LINE, POINTS, GUIDE }

    private LineChart series(String name, double[] x, double[] y, double[] error, Style style) {
        if (data.indexOf(name) >= 0) {
            throw new IllegalArgumentException("two lines named " + name);
        }
        YIntervalSeries series = new YIntervalSeries(name, false, true);
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                double e = error == null || !Double.isFinite(error[i]) ? 0 : error[i];
                errors |= e > 0;
                series.add(x[i], y[i], y[i] - e, y[i] + e);
                n++;
            }
        }
        maxPoints = Math.max(maxPoints, n);
        data.addSeries(series);
        styles.add(style);
        return this;
    }

    /** Names the x values 0, 1, 2, ... (for axes whose values are not numbers). */
    public LineChart categories(List<String> labels) {
        categories = List.copyOf(labels);
        return this;
    }

    public LineChart logX() {
        logX = true;
        return this;
    }

    /** A labelled arrow pointing at (x, y). */
    public LineChart point(String label, double x, double y) {
        markedY.add(y);
        marks.add(plot -> {
            XYPointerAnnotation a = new XYPointerAnnotation(label, x, y, -Math.PI / 4);
            a.setPaint(MARK);
            a.setArrowPaint(MARK);
            a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(a);
        });
        return this;
    }

    /** A shaded interval of x. */
    public LineChart band(String label, double from, double to) {
        marks.add(plot -> {
            IntervalMarker m = new IntervalMarker(from, to, new Color(120, 160, 220), new BasicStroke(1f), null, null,
                    0.25f);
            m.setLabel(label);
            m.setLabelAnchor(RectangleAnchor.TOP);
            m.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            plot.addDomainMarker(m, Layer.BACKGROUND);
        });
        return this;
    }

    /** A dashed horizontal line at y. */
    public LineChart level(String label, double y) {
        markedY.add(y);
        marks.add(plot -> {
            ValueMarker m = new ValueMarker(y, MARK, DASHED);
            m.setLabel(label);
            m.setLabelPaint(MARK);
            m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addRangeMarker(m);
        });
        return this;
    }

    /**
     * Draws the chart and writes it through a temporary name, so readers never see half a file; creates the folders
     * it goes into.
     */
    public void writePng(Path file, int width, int height) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] png = ChartUtils.encodeAsPNG(chart().createBufferedImage(width, height));
            RunFolder.writeAtomically(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    JFreeChart chart() {
        ValueAxis x;
        if (categories != null) {
            x = new SymbolAxis(xLabel, categories.toArray(String[]::new));
        } else if (logX) {
            LogAxis log = new LogAxis(xLabel);
            log.setNumberFormatOverride(new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            x = log;
        } else {
            NumberAxis n = new NumberAxis(xLabel);
            n.setAutoRangeIncludesZero(false);
            x = n;
        }
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(errors);
        renderer.setDefaultShapesVisible(maxPoints <= MAX_POINTS_WITH_SYMBOLS);
        renderer.setDefaultLinesVisible(true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            switch (styles.get(i)) {
                case LINE -> renderer.setSeriesStroke(i, new BasicStroke(2f));
                case POINTS -> {
                    renderer.setSeriesLinesVisible(i, false);
                    renderer.setSeriesShapesVisible(i, true);
                }
                case GUIDE -> {
                    renderer.setSeriesShapesVisible(i, false);
                    renderer.setSeriesPaint(i, Color.GRAY);
                    renderer.setSeriesStroke(i, DASHED);
                }
            }
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        marks.forEach(m -> m.accept(plot));
        Range shown = y.getRange();
        for (double v : markedY) {
            shown = Range.expandToInclude(shown, v);
        }
        if (!shown.equals(y.getRange())) {
            y.setRange(Range.expand(shown, 0.05, 0.05));
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot,
                data.getSeriesCount() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
