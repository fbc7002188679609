package org.anodekmc.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.ControlConfig;
import org.anodekmc.io.RunFolder;
import org.anodekmc.io.TimeSeriesReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The plating curve of a run as a potentiostat shows it: electrode potential E = −η against time or deposited
 * capacity, with the nucleation peak and the growth plateau of summary.json marked. A potentiostatic run shows its
 * current transient instead.
 */
public final class PlatingCurvePlot {
    public enum XAxis { TIME, CAPACITY }

    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;

    private PlatingCurvePlot() {
    }

    public static void write(Path run, Path png, XAxis xAxis) {
        PngName.require(png);
        if (!Files.isDirectory(run)) {
            throw new IllegalArgumentException("RUN_FOLDER: " + run + " is not a folder");
        }
        TimeSeriesReader.TimeSeries series = TimeSeriesReader.read(run.resolve(RunFolder.TIMESERIES));
        JsonNode config = ConfigLoader.readTree(run.resolve(RunFolder.CONFIG));
        JsonNode summary = readSummary(run.resolve(RunFolder.SUMMARY));
        String metal = config.path("metal").path("name").asText("M");
        String mode = config.path("control").path("mode").asText();
        boolean potentiostatic = ControlConfig.Mode.POTENTIOSTATIC.spelling().equals(mode);

        double[] time = series.column("time_s");
        double[] charge = series.column("charge_mAh_cm2");
        double[] x = xAxis == XAxis.TIME ? time : charge;
        String xLabel = xAxis == XAxis.TIME ? "time (s)" : "capacity (mAh/cm²)";
        String title = summary.path("name").asText(run.getFileName().toString());
        LineChart chart;
        if (potentiostatic) {
            chart = new LineChart(title + ": current transient", xLabel, "current density (mA/cm²)")
                    .line("current", x, series.column("current_mA_cm2"));
        } else {
            double[] potential = series.column("potential_V");
            double[] millivolts = new double[potential.length];
            boolean any = false;
            for (int i = 0; i < potential.length; i++) {
                millivolts[i] = potential[i] * 1e3;
                any |= Double.isFinite(potential[i]);
            }
            if (!any) {
                throw new IllegalArgumentException("RUN_FOLDER: " + run + " has no electrode potential to plot "
                        + "(ballistic supply does not model η)");
            }
            chart = new LineChart(title + ": plating curve", xLabel, "E vs " + metal + "/" + metal + "⁺ (mV)")
                    .line("E", x, millivolts);
            markNucleation(chart, summary.path("nucleation"), xAxis, time, charge);
        }
        chart.writePng(png, WIDTH, HEIGHT);
    }

    private static void markNucleation(LineChart chart, JsonNode n, XAxis xAxis, double[] time, double[] charge) {
        if (n.isMissingNode() || !n.path("peakEta_V").isNumber()) {
            return;
        }
        double peakX = xAxis == XAxis.TIME ? n.path("peakTime_s").asDouble()
                : n.path("peakCharge_mAh_cm2").asDouble();
        double peakE = -n.path("peakEta_V").asDouble() * 1e3;
        JsonNode plateau = n.path("plateauEta_V");
        String label = String.format(Locale.ROOT, "nucleation peak: η = %.1f mV", -peakE);
        if (n.path("nucleationOverpotential_V").isNumber()) {
            label += String.format(Locale.ROOT, " (η_nuc = %.1f mV)",
                    n.path("nucleationOverpotential_V").asDouble() * 1e3);
        }
        chart.point(label, peakX, peakE);
        JsonNode window = n.path("plateauWindow_s");
        if (plateau.isNumber() && window.isArray() && window.size() == 2) {
            double from = window.get(0).asDouble();
            double to = window.get(1).asDouble();
            if (xAxis == XAxis.CAPACITY) {
                from = interpolate(time, charge, from);
                to = interpolate(time, charge, to);
            }
            chart.band("plateau", from, to);
            chart.level(String.format(Locale.ROOT, "plateau: η = %.1f mV", plateau.asDouble() * 1e3),
                    -plateau.asDouble() * 1e3);
        }
    }

    /** y at x by linear interpolation in a table whose x increases (clamped at its ends). */
    static double interpolate(double[] xs, double[] ys, double x) {
        if (x <= xs[0]) {
            return ys[0];
        }
        for (int i = 1; i < xs.length; i++) {
            if (x <= xs[i]) {
                double f = xs[i] == xs[i - 1] ? 1 : (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
                return ys[i - 1] + f * (ys[i] - ys[i - 1]);
            }
        }
        return ys[ys.length - 1];
    }

    private static JsonNode readSummary(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (java.io.FileNotFoundException e) {
            throw new IllegalArgumentException("no " + RunFolder.SUMMARY + " in " + file.getParent()
                    + " (is it a finished run folder?)");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is corrupt: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
