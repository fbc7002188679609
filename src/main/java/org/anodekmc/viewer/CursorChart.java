package org.anodekmc.viewer;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.List;

/** A line chart of one time-series column with a vertical cursor at the frame being shown. */
final class CursorChart extends LineChart<Number, Number> {
    /** More points than this are thinned out: a chart a few hundred pixels wide cannot show them anyway. */
    static final int MAX_POINTS = 1500;

    private final Line cursor = new Line();
    private final DoubleProperty cursorX = new SimpleDoubleProperty(Double.NaN);
    private boolean empty = true;

    CursorChart(String yLabel) {
        super(new NumberAxis(), new NumberAxis());
        getYAxis().setLabel(yLabel);
        ((NumberAxis) getYAxis()).setForceZeroInRange(false);
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        getStyleClass().add("replay-chart");
        cursor.getStyleClass().add("replay-cursor");
        cursor.setManaged(false);
        getPlotChildren().add(cursor);
        cursorX.addListener((o, was, now) -> requestChartLayout());
    }

    DoubleProperty cursorXProperty() {
        return cursorX;
    }

    /** Shows y against x, leaving out points where either is NaN. */
    void setData(String xLabel, double[] x, double[] y) {
        getXAxis().setLabel(xLabel);
        int step = Math.max(1, (x.length + MAX_POINTS - 1) / MAX_POINTS);
        List<XYChart.Data<Number, Number>> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            boolean kept = i % step == 0 || i == x.length - 1;
            if (kept && !Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                points.add(new XYChart.Data<>(x[i], y[i]));
            }
        }
        // e.g. η under a flux-fixing supply (ballistic, diffusion-limited), which does not model it
        empty = points.isEmpty();
        setTitle(empty ? "no values in this run" : null);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.getData().setAll(points);
        getData().setAll(List.of(series));
    }

    /** The cursor's position in the plot area, pixels (NaN while hidden); for tests. */
    double cursorPixel() {
        return cursor.isVisible() ? cursor.getStartX() : Double.NaN;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis x = (NumberAxis) getXAxis();
        double value = cursorX.get();
        boolean inside = !empty && !Double.isNaN(value)
                && value >= x.getLowerBound() && value <= x.getUpperBound();
        cursor.setVisible(inside);
        if (inside) {
            double px = x.getDisplayPosition(value);
            cursor.setStartX(px);
            cursor.setEndX(px);
            cursor.setStartY(0);
            cursor.setEndY(getYAxis().getHeight());
        }
        cursor.toFront();
    }
}
