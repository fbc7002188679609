package org.anodekmc.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.EngineConfig;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.engine.MemoryEstimate;
import org.anodekmc.engine.Simulation;
import org.anodekmc.io.FolderLock;
import org.anodekmc.io.OutputFolder;
import org.anodekmc.run.RunExecutor;
import org.anodekmc.io.RunFolder;
import org.anodekmc.run.RunInterruptedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Runs every run of a sweep on a fixed number of threads, each run into its own run folder {@code <out>/points/<id>/}.
 * A run takes as many of the threads as its engine runs on ({@code engine.threads}, all of them when it asks for more:
 * it then runs alone, on more threads than the sweep was given), so runs on one thread run side by side and runs on
 * several share the threads. The sweep folder is marked as one ({@link OutputFolder}); a path that is not a sweep
 * folder of this tool is refused. A local sweep locks the folder while it runs ({@link FolderLock}); the tasks of a
 * Slurm array ({@link SweepArray}) share it, each run locked by its own run folder. A run whose folder is finished (it
 * has summary.json, which RunExecutor writes only when it renames NAME.partial at the end) with the same resolved
 * config is kept and not run again; a NAME.partial stopped with a checkpoint under the same config is resumed, any
 * other half-written NAME.partial is started afresh. A run that fails is recorded with its error and the others go on.
 * Then the tables and trend plots are written (see {@link SweepTables}, {@link TrendPlots}).
 */
public final class SweepRunner {
    public static final String POINTS = "points";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a run ended; STOPPED: stopped on request with a checkpoint, to be resumed. */
    public enum Status { RAN, REUSED, FAILED, STOPPED }

    /**
     * One run's outcome.
     *
     * @param metrics     by {@link Metric} ordinal; NaN where the run has no value
     * @param wallSeconds the run's wall time (from its summary.json when reused); NaN when it failed
     * @param events      events the run executed; 0 when it failed
     * @param error       why it failed or stopped, on one line; null otherwise
     */
    public record Outcome(Sweep.Run run, Status status, double[] metrics, double wallSeconds, long events,
                          String error) {
        public boolean ok() {
            return status == Status.RAN || status == Status.REUSED;
        }
    }

    /**
     * Progress after each finished run.
     *
     * @param remainingSeconds estimate from the runs finished in this session; NaN before the first
     */
    public record Progress(int done, int failed, int reused, int total, double elapsedSeconds,
                           double remainingSeconds) {
    }

    /** What a sweep produced. */
    public record Result(Path folder, List<Outcome> outcomes, double wallSeconds) {
        public long count(Status status) {
            return outcomes.stream().filter(o -> o.status() == status).count();
        }
    }

    private SweepRunner() {
    }

    public static Result run(Sweep sweep, Path out, int threads, Consumer<Progress> progress) {
        return run(sweep, out, threads, progress, all -> writeOutputs(sweep, all, out));
    }

    /** As {@link #run(Sweep, Path, int, Consumer)}, with other outputs written from all outcomes, in sweep order. */
    public static Result run(Sweep sweep, Path out, int threads, Consumer<Progress> progress,
                             Consumer<List<Outcome>> outputs) {
        long start = System.nanoTime();
        OutputFolder.requireOwn(out, OutputFolder.Kind.SWEEP);
        try (FolderLock lock = FolderLock.acquire(out, "kmc sweep")) {
            List<Outcome> all = runEach(sweep.runs(), out, threads, RunExecutor.Options.NONE, progress);
            outputs.accept(all);
            return new Result(out, all, (System.nanoTime() - start) * 1e-9);
        }
    }

    /**
     * Runs the given runs of a sweep (all of them, or a share such as one Slurm array task's) into their folders under
     * {@code out/points/}, without writing the tables. A finished run is kept, a run stopped with a checkpoint is
     * resumed, anything else is started afresh. A run that {@code options} stops ends with {@link Status#STOPPED}.
     *
     * @return the outcomes in the order of {@code runs}
     */
    public static List<Outcome> runEach(List<Sweep.Run> runs, Path out, int threads, RunExecutor.Options options,
                                        Consumer<Progress> progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        List<SimulationConfig> configs = runs.stream().map(Sweep.Run::config).filter(Objects::nonNull).toList();
        configs.stream().max(Comparator.comparingLong(MemoryEstimate::bytes))
                .ifPresent(largest -> MemoryEstimate.requireFits(largest, atOnce(configs, largest, threads),
                        Runtime.getRuntime().maxMemory()));
        runs.stream().map(Sweep.Run::config).filter(Objects::nonNull).forEach(Simulation::requireBands);
        OutputFolder.claim(out, OutputFolder.Kind.SWEEP);
        long start = System.nanoTime();
        Path points = out.resolve(POINTS);
        try {
            Files.createDirectories(points);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + points, e);
        }
        Outcome[] outcomes = new Outcome[runs.size()];
        List<Integer> toRun = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Sweep.Run run = runs.get(i);
            if (run.config() == null) {
                outcomes[i] = failed(run, run.error());
            } else {
                outcomes[i] = finished(run, points.resolve(run.id()));
                if (outcomes[i] == null) {
                    toRun.add(i);
                }
            }
        }
        Tracker tracker = new Tracker(outcomes, start, progress);
        tracker.report();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Semaphore free = new Semaphore(threads, true); // fair: a run waiting for several threads is not overtaken
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i : toRun) {
                Sweep.Run run = runs.get(i);
                int taken = taken(run.config(), threads);
                futures.add(pool.submit(() -> {
                    free.acquire(taken);
                    try {
                        tracker.record(i, execute(run, points.resolve(run.id()), options));
                    } finally {
                        free.release(taken);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted; run it again to finish the remaining points", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sweep bookkeeping failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return List.of(outcomes);
    }

    /** The threads a run takes from the sweep's: those it runs on, all of them if it asks for more. */
    private static int taken(SimulationConfig config, int threads) {
        return Math.min(threads, EngineConfig.of(config).threads());
    }

    /**
     * How many runs as large as the largest may be in memory at once: no more than the runs or the threads, and no
     * more than the threads can hold when each run holds at most the largest heap per thread it takes.
     */
    private static int atOnce(List<SimulationConfig> configs, SimulationConfig largest, int threads) {
        double perThread = configs.stream().mapToDouble(c -> MemoryEstimate.bytes(c) / (double) taken(c, threads))
                .max().orElseThrow();
        int held = (int) Math.floor(threads * perThread / MemoryEstimate.bytes(largest));
        return Math.max(1, Math.min(Math.min(threads, configs.size()), held));
    }

    /** sweep.csv, sweep-mean.csv, timing.csv and the trend plots, from the outcomes of all runs in sweep order. */
    static void writeOutputs(Sweep sweep, List<Outcome> all, Path out) {
        SweepTables tables = SweepTables.of(sweep, all);
        tables.write(out);
        TrendPlots.write(sweep, tables, out);
    }

    private static Outcome execute(Sweep.Run run, Path folder, RunExecutor.Options options) {
        try {
            if (resumable(run, folder)) {
                try {
                    RunExecutor.resume(folder, options, null);
                } catch (FolderLock.Busy busy) {
                    throw busy; // another process writes this run: starting it over would destroy its work
                } catch (IllegalArgumentException damagedCheckpoint) {
                    runAfresh(run, folder, options);
                }
            } else {
                runAfresh(run, folder, options);
            }
            Outcome o = read(run, folder, Status.RAN);
            return o != null ? o : failed(run, "the run finished but its summary.json cannot be read");
        } catch (RunInterruptedException e) {
            return new Outcome(run, Status.STOPPED, noMetrics(), Double.NaN, e.events(), e.getMessage());
        } catch (Exception e) {
            return failed(run, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The sweep folder is the sweep's own: a finished run of an earlier version of the sweep file is replaced. */
    private static void runAfresh(Sweep.Run run, Path folder, RunExecutor.Options options) {
        try (RunFolder started = RunExecutor.begin(run.config(), folder, true)) {
            RunExecutor.run(run.config(), started, options, null);
        }
    }

    /** Whether the run was stopped with a checkpoint (a Slurm time limit, scancel) under the same config. */
    private static boolean resumable(Sweep.Run run, Path folder) {
        Path partial = folder.resolveSibling(folder.getFileName() + RunFolder.PARTIAL_SUFFIX);
        return RunFolder.hasResumableRun(folder) && sameConfig(run, partial.resolve(RunFolder.CONFIG));
    }

    /** The outcome of an earlier session's run, when its folder is finished and was run with the same config. */
    static Outcome finished(Sweep.Run run, Path folder) {
        if (!Files.isRegularFile(folder.resolve(RunFolder.SUMMARY))
                || !sameConfig(run, folder.resolve(RunFolder.CONFIG))) {
            return null;
        }
        return read(run, folder, Status.REUSED);
    }

    private static boolean sameConfig(Sweep.Run run, Path configFile) {
        try {
            return Files.isRegularFile(configFile)
                    && Files.readString(configFile).equals(ConfigLoader.toYaml(run.config()));
        } catch (IOException e) {
            return false;
        }
    }

    private static Outcome read(Sweep.Run run, Path folder, Status status) {
        JsonNode summary;
        try {
            summary = JSON.readTree(folder.resolve(RunFolder.SUMMARY).toFile());
        } catch (IOException e) {
            return null;
        }
        double[] metrics = new double[Metric.values().length];
        for (Metric m : Metric.values()) {
            metrics[m.ordinal()] = m.read(summary);
        }
        return new Outcome(run, status, metrics, summary.path("wall_s").asDouble(Double.NaN),
                summary.path("events").asLong(), null);
    }

    static Outcome failed(Sweep.Run run, String error) {
        return new Outcome(run, Status.FAILED, noMetrics(), Double.NaN, 0, error.replaceAll("\\s+", " ").strip());
    }

    private static double[] noMetrics() {
        double[] none = new double[Metric.values().length];
        Arrays.fill(none, Double.NaN);
        return none;
    }

    /** Collects outcomes from the worker threads and reports progress, one report at a time. */
    private static final class Tracker {
        private final Outcome[] outcomes;
        private final long start;
        private final Consumer<Progress> progress;
        private int ranNow;

        Tracker(Outcome[] outcomes, long start, Consumer<Progress> progress) {
            this.outcomes = outcomes;
            this.start = start;
            this.progress = progress;
        }

        synchronized void record(int position, Outcome o) {
            outcomes[position] = o;
            ranNow++;
            report();
        }

        synchronized void report() {
            if (progress == null) {
                return;
            }
            int done = 0;
            int failed = 0;
            int reused = 0;
            for (Outcome o : outcomes) {
                if (o != null) {
                    done++;
                    failed += o.status() == Status.FAILED ? 1 : 0;
                    reused += o.status() == Status.REUSED ? 1 : 0;
                }
            }
            double elapsed = (System.nanoTime() - start) * 1e-9;
            int left = outcomes.length - done;
            double remaining = ranNow == 0 ? (left == 0 ? 0 : Double.NaN) : elapsed / ranNow * left;
            progress.accept(new Progress(done, failed, reused, outcomes.length, elapsed, remaining));
        }
    }
}
