package org.anodekmc.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.ControlConfig;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.config.StopConfig;
import org.anodekmc.engine.Simulation;
import org.anodekmc.model.Units;
import org.anodekmc.observe.Islands;
import org.anodekmc.observe.NucleationAnalysis;
import org.anodekmc.observe.Sample;
import org.anodekmc.transport.Supplies;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs one config into a run folder: config.resolved.yaml, timeseries.csv, islands.csv, summary.json and
 * trajectory.bin. Rows and frames are spread evenly over the run's progress towards its stop limit.
 */
public final class RunExecutor {
    /** Progress of a running simulation, reported about twice a second. */
    public record Progress(double fraction, double time, double eta, double charge, long events,
                           double eventsPerSecond, double elapsedSeconds) {
    }

    /** What a finished run produced. */
    public record Result(Path folder, Simulation.Stop stop, Map<String, Object> summary,
                         NucleationAnalysis nucleation) {
    }

    private static final long EVENTS_PER_CHECK = 1 << 18;
    private static final long PROGRESS_INTERVAL_NANOS = 500_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunExecutor() {
    }

    public static Result run(SimulationConfig config, Path folder, Consumer<Progress> progress) {
        RunFolder run = RunFolder.begin(folder);
        RunFolder.writeAtomically(run.file(RunFolder.CONFIG), ConfigLoader.toYaml(config));
        long wallStart = System.nanoTime();
        Simulation sim = Supplies.newSimulation(config);
        Schedule schedule = new Schedule(config, sim);
        int rows = config.output().rows();
        int frames = config.output().frames();

        Rows recorded = new Rows(rows + 1);
        Simulation.Stop stop;
        try (CsvWriter series = new CsvWriter(run.file(RunFolder.TIMESERIES), Sample.COLUMNS);
             TrajectoryWriter trajectory = new TrajectoryWriter(run.file(RunFolder.TRAJECTORY), sim)) {
            recorded.add(Sample.of(sim, null), series);
            if (frames > 0) {
                trajectory.write(sim);
            }
            int nextRow = 1;
            int nextFrame = 1;
            long lastReport = System.nanoTime();
            while (true) {
                double timeTarget = schedule.time(nextRow, rows);
                long ionTarget = schedule.ions(nextRow, rows);
                long eventTarget = Math.min(schedule.events(nextRow, rows), sim.events() + EVENTS_PER_CHECK);
                if (frames > 0) {
                    timeTarget = Math.min(timeTarget, schedule.time(nextFrame, frames));
                    ionTarget = Math.min(ionTarget, schedule.ions(nextFrame, frames));
                    eventTarget = Math.min(eventTarget, schedule.events(nextFrame, frames));
                }
                stop = sim.advance(timeTarget, ionTarget, eventTarget);
                boolean finished = stop != Simulation.Stop.TARGET || schedule.reached(sim, rows, rows);
                if (finished || schedule.reached(sim, nextRow, rows)) {
                    nextRow = schedule.lastReached(sim, nextRow, rows) + 1;
                    recorded.add(Sample.of(sim, recorded.last), series);
                }
                if (frames > 0 && (finished || schedule.reached(sim, nextFrame, frames))) {
                    nextFrame = schedule.lastReached(sim, nextFrame, frames) + 1;
                    trajectory.write(sim);
                }
                long now = System.nanoTime();
                if (progress != null && (finished || now - lastReport > PROGRESS_INTERVAL_NANOS)) {
                    lastReport = now;
                    double elapsed = (now - wallStart) * 1e-9;
                    progress.accept(new Progress(schedule.fraction(sim), sim.time(), recorded.last.eta(),
                            sim.chargeMAhPerCm2(), sim.events(), sim.events() / Math.max(elapsed, 1e-9), elapsed));
                }
                if (finished) {
                    break;
                }
                series.flush();
            }
        }
        double wallSeconds = (System.nanoTime() - wallStart) * 1e-9;

        NucleationAnalysis nucleation = null;
        if (config.control().mode().equals(ControlConfig.GALVANOSTATIC) && !Double.isNaN(sim.eta())) {
            nucleation = NucleationAnalysis.of(recorded.times(), recorded.etas(), recorded.charges());
        }
        writeIslands(run.file(RunFolder.ISLANDS), recorded, nucleation, recorded.last);
        Map<String, Object> summary = Summaries.of(config, sim, stop, recorded.last, nucleation, wallSeconds);
        try {
            RunFolder.writeAtomically(run.file(RunFolder.SUMMARY), JSON.writeValueAsString(summary) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        run.commit();
        return new Result(folder, stop, summary, nucleation);
    }

    /** The rows written so far: time, η, charge and islands of each, and the last one. */
    private static final class Rows {
        private final double[] time;
        private final double[] eta;
        private final double[] charge;
        private final Islands[] islands;
        private int count;
        Sample last;

        Rows(int capacity) {
            time = new double[capacity];
            eta = new double[capacity];
            charge = new double[capacity];
            islands = new Islands[capacity];
        }

        void add(Sample sample, CsvWriter series) {
            series.row(sample.values());
            time[count] = sample.time();
            eta[count] = sample.eta();
            islands[count] = sample.islands();
            charge[count++] = sample.charge();
            last = sample;
        }

        double[] times() {
            return java.util.Arrays.copyOf(time, count);
        }

        double[] etas() {
            return java.util.Arrays.copyOf(eta, count);
        }

        double[] charges() {
            return java.util.Arrays.copyOf(charge, count);
        }
    }

    /** Size distribution of the nuclei at the row of the η peak (galvanostatic runs), and at the end. */
    private static void writeIslands(Path file, Rows rows, NucleationAnalysis nucleation, Sample last) {
        try (CsvWriter out = new CsvWriter(file, "moment", "time_s", "nucleus", "atoms", "footprint_sites",
                "radius_nm")) {
            if (nucleation != null) {
                int peak = nucleation.peakRow();
                writeIslands(out, "peak", rows.time[peak], rows.islands[peak], last.siteAreaCm2());
            }
            writeIslands(out, "final", last.time(), last.islands(), last.siteAreaCm2());
        }
    }

    private static void writeIslands(CsvWriter out, String moment, double time, Islands islands,
                                     double siteAreaCm2) {
        for (int i = 0; i < islands.nuclei(); i++) {
            int footprint = islands.nucleusFootprint()[i];
            out.row(moment, time, i + 1, islands.nucleusSizes()[i], footprint,
                    Math.sqrt(footprint * siteAreaCm2 * 1e14 / Math.PI));
        }
    }

    /**
     * Targets of the k-th of n evenly spread samples, for each stop limit that is set. Under galvanostatic control the
     * charge limit is the applied charge j·t, as on a battery cycler's capacity axis, so samples fall on an even time
     * grid; sampling at the moments the counted charge crosses a threshold would pick moments right after
     * reductions, when η has just been kicked down.
     */
    private static final class Schedule {
        private final double time;
        private final long ions;
        private final long events;

        Schedule(SimulationConfig config, Simulation sim) {
            StopConfig stop = config.stop();
            double t = stop.time() == null ? Double.POSITIVE_INFINITY : stop.time();
            boolean galvanostatic = config.control().mode().equals(ControlConfig.GALVANOSTATIC);
            if (stop.charge() != null && galvanostatic) {
                t = Math.min(t, stop.charge() * 3600 / config.control().currentDensity());
            }
            time = t;
            ions = stop.charge() == null || galvanostatic ? Long.MAX_VALUE
                    : (long) Math.ceil(Units.atomsPerCm2(stop.charge(), sim.rates().charge()) * sim.areaCm2());
            events = stop.events() == null ? Long.MAX_VALUE : stop.events();
        }

        double time(int k, int n) {
            return time * k / n;
        }

        long ions(int k, int n) {
            return ions == Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(ions * (double) k / n);
        }

        long events(int k, int n) {
            return events == Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(events * (double) k / n);
        }

        boolean reached(Simulation sim, int k, int n) {
            return sim.time() >= time(k, n) || sim.netIons() >= ions(k, n) || sim.events() >= events(k, n);
        }

        /** The highest k' ≥ k (at most n) whose targets have been reached. */
        int lastReached(Simulation sim, int k, int n) {
            while (k < n && reached(sim, k + 1, n)) {
                k++;
            }
            return k;
        }

        double fraction(Simulation sim) {
            double f = sim.time() / time;
            if (ions != Long.MAX_VALUE) {
                f = Math.max(f, sim.netIons() / (double) ions);
            }
            if (events != Long.MAX_VALUE) {
                f = Math.max(f, sim.events() / (double) events);
            }
            return Math.min(1, f);
        }
    }
}
