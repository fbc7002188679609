package org.anodekmc.plot;

import com.fasterxml.jackson.databind.JsonNode;
import org.anodekmc.config.ConfigLoader;
import org.anodekmc.io.RunFolder;
import org.anodekmc.io.TimeSeriesReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The charts of a cycling run: the voltage–capacity curve of every cycle (E = −η against the charge passed since the
 * cycle began: up while plating, back down while stripping) and the Coulombic efficiency per cycle.
 */
public final class CyclePlots {
    public static final String VOLTAGE_CAPACITY = "cycles.png";
    public static final String COULOMBIC_EFFICIENCY = "coulombic-efficiency.png";

    private CyclePlots() {
    }

    /** A run folder with per-cycle results. */
    public static boolean isCyclingRun(Path run) {
        return Files.isRegularFile(run.resolve(RunFolder.CYCLES));
    }

    /**
     * Writes the voltage–capacity curves to {@code png} and the Coulombic efficiency per cycle beside it; returns the
     * files written.
     */
    public static List<Path> write(Path run, Path png) {
        if (!isCyclingRun(run)) {
            throw new IllegalArgumentException("RUN_FOLDER: " + run + " has no " + RunFolder.CYCLES
                    + " (is it a finished cycling run?)");
        }
        TimeSeriesReader.TimeSeries series = TimeSeriesReader.read(run.resolve(RunFolder.TIMESERIES));
        TimeSeriesReader.TimeSeries cycles = TimeSeriesReader.read(run.resolve(RunFolder.CYCLES));
        JsonNode config = ConfigLoader.readTree(run.resolve(RunFolder.CONFIG));
        String metal = config.path("metal").path("name").asText("M");
        String name = config.path("name").asText(run.getFileName().toString());
        double[] time = series.column("time_s");
        double[] charge = series.column("charge_mAh_cm2");
        double[] potential = series.column("potential_V");
        double[] starts = cycles.column("start_time_s");
        double[] ends = cycles.column("end_time_s");
        LineChart curves = new LineChart(name + ": voltage–capacity curves", "capacity of the cycle (µAh/cm²)",
                "E vs " + metal + "/" + metal + "⁺ (mV)");
        for (int c = 0; c < starts.length; c++) {
            double startCharge = PlatingCurvePlot.interpolate(time, charge, starts[c]);
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < time.length; i++) {
                if (time[i] > starts[c] && time[i] <= ends[c]) {
                    points.add(new double[]{(charge[i] - startCharge) * 1e3, potential[i] * 1e3});
                }
            }
            curves.line("cycle " + (c + 1), points.stream().mapToDouble(p -> p[0]).toArray(),
                    points.stream().mapToDouble(p -> p[1]).toArray());
        }
        curves.writePng(png, PlatingCurvePlot.WIDTH, PlatingCurvePlot.HEIGHT);

        double[] percent = cycles.column("coulombic_efficiency", 100);
        Path ce = png.resolveSibling(COULOMBIC_EFFICIENCY);
        new LineChart(name + ": Coulombic efficiency", "cycle", "CE (%)")
                .line("CE", cycles.column("cycle"), percent)
                .writePng(ce, PlatingCurvePlot.WIDTH, PlatingCurvePlot.HEIGHT);
        return List.of(png, ce);
    }
}
