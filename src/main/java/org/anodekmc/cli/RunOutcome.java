package org.anodekmc.cli;

import org.anodekmc.run.RunExecutor;
import org.anodekmc.run.RunInterruptedException;
import org.anodekmc.run.StopRequest;
import org.anodekmc.observe.NucleationAnalysis;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/** Runs a simulation that SIGINT/SIGTERM stop with a checkpoint, and prints how it ended (kmc run, kmc resume). */
final class RunOutcome {
    private RunOutcome() {
    }

    static int execute(boolean quiet, BiFunction<StopRequest, ProgressLine, RunExecutor.Result> run) {
        ProgressLine progress = new ProgressLine(quiet);
        // the stop request holds the JVM's exit until the checkpoint is written and the message below is printed
        try (StopRequest stop = StopRequest.onSignals()) {
            try {
                RunExecutor.Result result = run.apply(stop, progress);
                progress.finish();
                print(result);
                return 0;
            } catch (RunInterruptedException e) {
                progress.finish();
                System.err.println(e.getMessage());
                System.err.println("continue with: kmc resume " + e.run());
                return Main.FAILURE; // a signal ends the JVM with 128 + its number (130 Ctrl-C, 143 SIGTERM)
            }
        }
    }

    private static void print(RunExecutor.Result r) {
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
                if (n.substratePeakRow() != n.peakRow()) {
                    System.out.printf(Locale.ROOT, "  the peak came after the substrate was covered; on the substrate"
                            + " alone %.1f mV%n", n.substrateNucleationOverpotential() * 1e3);
                }
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
        Map<String, Object> scaling = (Map<String, Object>) s.get("acceleration");
        if (scaling != null) {
            printScaling(scaling);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> eta = (Map<String, Object>) s.get("etaResolution");
        if (eta != null && eta.get("warning") != null) {
            System.out.println("  warning: " + eta.get("warning"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> cycling = (Map<String, Object>) s.get("cycling");
        if (cycling != null) {
            System.out.printf(Locale.ROOT, "  %d cycles: CE %s in the first, %s on average; %d dead atoms%n",
                    (Integer) cycling.get("cyclesCompleted"), percent(cycling.get("firstCycleCoulombicEfficiency")),
                    percent(cycling.get("averageCoulombicEfficiency")), (Long) cycling.get("deadAtoms"));
        }
        System.out.println("results in " + r.folder() + "/ (summary.json, timeseries.csv, islands.csv, "
                + "trajectory.bin" + (cycling != null ? ", cycles.csv, cycles.png, coulombic-efficiency.png)" : ")"));
    }

    /** The event gain, and the channel slowed most as the barrier shift it amounts to (what it carries follows it). */
    private static void printScaling(Map<String, Object> scaling) {
        System.out.printf(Locale.ROOT, "  rate scaling: %.3g times fewer events than the exact engine%n",
                (Double) scaling.get("eventGain"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> channels = (List<Map<String, Object>>) scaling.get("scaledChannels");
        channels.stream().max(Comparator.comparingDouble(c -> (Double) c.get("averageBarrierShift_eV")))
                .ifPresent(c -> System.out.printf(Locale.ROOT, "  slowed most: %s, as if its barriers were %.3f eV"
                        + " higher (the nuclei follow the barrier it ran with)%n",
                        c.get("hops"), (Double) c.get("averageBarrierShift_eV")));
    }

    private static String percent(Object fraction) {
        return fraction == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", (Double) fraction * 100);
    }
}
