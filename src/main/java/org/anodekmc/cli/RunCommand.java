package org.anodekmc.cli;

import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.io.RunExecutor;
import org.anodekmc.observe.NucleationAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Run one simulation from a config file.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONFIG", description = "run config, YAML or JSON")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: results/<config name>)")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "random seed (overrides the config's)")
    Long seed;

    @Option(names = {"-q", "--quiet"}, description = "no progress line")
    boolean quiet;

    @Override
    public Integer call() {
        SimulationConfig resolved = ConfigLoader.withBuiltInPresets().load(config);
        if (seed != null) {
            resolved = resolved.withSeed(seed);
        }
        Path folder = out != null ? out : Path.of("results", resolved.name());
        ProgressLine progress = new ProgressLine(quiet);
        RunExecutor.Result result = RunExecutor.run(resolved, folder, progress);
        progress.finish();
        printResult(result);
        return 0;
    }

    private static void printResult(RunExecutor.Result r) {
        Map<String, Object> s = r.summary();
        System.out.printf(Locale.ROOT, "%s: %s after %.4g s, %d events (%.3g events/s)%n", s.get("name"),
                s.get("stopReason"), (Double) s.get("time_s"), (Long) s.get("events"),
                (Double) s.get("eventsPerSecond"));
        System.out.printf(Locale.ROOT, "  charge %.4g mAh/cm², %d atoms%n", (Double) s.get("charge_mAh_cm2"),
                (Long) s.get("atoms"));
        NucleationAnalysis n = r.nucleation();
        if (n != null) {
            if (Double.isNaN(n.nucleationOverpotential())) {
                System.out.printf(Locale.ROOT, "  peak η %.1f mV at %.3g s; no plateau after it yet (run longer)%n",
                        n.peakEta() * 1e3, n.peakTime());
            } else {
                System.out.printf(Locale.ROOT, "  nucleation overpotential η_nuc = %.1f mV (peak %.1f mV at %.3g s,"
                                + " plateau %.1f mV)%n", n.nucleationOverpotential() * 1e3, n.peakEta() * 1e3,
                        n.peakTime(), n.plateauEta() * 1e3);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> islands = (Map<String, Object>) s.get("islands");
        @SuppressWarnings("unchecked")
        Map<String, Object> surface = (Map<String, Object>) s.get("surface");
        System.out.printf(Locale.ROOT, "  %d nuclei (%.3g per cm²), mean %.1f atoms; roughness %.3g nm%n",
                (Integer) islands.get("nuclei"), (Double) islands.get("nucleusDensity_cm2"),
                (Double) islands.get("meanNucleusSize_atoms"), (Double) surface.get("roughness_nm"));
        @SuppressWarnings("unchecked")
        Map<String, Object> eta = (Map<String, Object>) s.get("etaResolution");
        if (eta != null && eta.get("warning") != null) {
            System.out.println("  warning: " + eta.get("warning"));
        }
        System.out.println("results in " + r.folder() + "/ (summary.json, timeseries.csv, islands.csv, "
                + "trajectory.bin)");
    }
}
