package org.anodekmc.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anodekmc.config.ConfigLoader;
import org.anodekmc.engine.MemoryEstimate;
import org.anodekmc.io.RunExecutor;
import org.anodekmc.io.RunFolder;

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
import java.util.function.Consumer;

/**
 * Runs every run of a sweep on a fixed thread pool, one run per thread, each into its own run folder
 * {@code <out>/points/<id>/}. A run whose folder is finished (it has summary.json, which RunExecutor writes only
 * when it renames NAME.partial at the end) with the same resolved config is kept and not run again; a half-written
 * NAME.partial is started afresh. A run that fails is recorded with its error and the others go on. Then the tables
 * and trend plots are written (see {@link SweepTables}, {@link TrendPlots}).
 */
public final class SweepRunner {
    public static final String POINTS = "points";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a run ended. */
    public enum Status { RAN, REUSED, FAILED }

    /**
     * One run's outcome.
     *
     * @param metrics     by {@link Metric} ordinal; NaN where the run has no value
     * @param wallSeconds the run's wall time (from its summary.json when reused); NaN when it failed
     * @param events      events the run executed; 0 when it failed
     * @param error       why it failed, on one line; null otherwise
     */
    public record Outcome(Sweep.Run run, Status status, double[] metrics, double wallSeconds, long events,
                          String error) {
        public boolean ok() {
            return status != Status.FAILED;
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
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        sweep.runs().stream().map(Sweep.Run::config).filter(Objects::nonNull)
                .max(Comparator.comparingLong(MemoryEstimate::bytes))
                .ifPresent(largest -> MemoryEstimate.requireFits(largest, Math.min(threads, sweep.runs().size()),
                        Runtime.getRuntime().maxMemory()));
        long start = System.nanoTime();
        Path points = out.resolve(POINTS);
        try {
            Files.createDirectories(points);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + points, e);
        }
        List<Sweep.Run> runs = sweep.runs();
        Outcome[] outcomes = new Outcome[runs.size()];
        List<Sweep.Run> toRun = new ArrayList<>();
        for (Sweep.Run run : runs) {
            if (run.config() == null) {
                outcomes[run.index()] = failed(run, run.error());
            } else {
                Outcome kept = finished(run, points.resolve(run.id()));
                if (kept != null) {
                    outcomes[run.index()] = kept;
                } else {
                    toRun.add(run);
                }
            }
        }
        Tracker tracker = new Tracker(outcomes, start, progress);
        tracker.report();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Sweep.Run run : toRun) {
                futures.add(pool.submit(() -> tracker.record(execute(run, points.resolve(run.id())))));
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
        List<Outcome> all = List.of(outcomes);
        SweepTables tables = SweepTables.of(sweep, all);
        tables.write(out);
        TrendPlots.write(sweep, tables, out);
        return new Result(out, all, (System.nanoTime() - start) * 1e-9);
    }

    private static Outcome execute(Sweep.Run run, Path folder) {
        try {
            RunExecutor.run(run.config(), folder, null);
            Outcome o = read(run, folder, Status.RAN);
            return o != null ? o : failed(run, "the run finished but its summary.json cannot be read");
        } catch (Exception e) {
            return failed(run, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The outcome of an earlier session's run, when its folder is finished and was run with the same config. */
    private static Outcome finished(Sweep.Run run, Path folder) {
        try {
            Path config = folder.resolve(RunFolder.CONFIG);
            if (!Files.isRegularFile(folder.resolve(RunFolder.SUMMARY)) || !Files.isRegularFile(config)
                    || !Files.readString(config).equals(ConfigLoader.toYaml(run.config()))) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return read(run, folder, Status.REUSED);
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

    private static Outcome failed(Sweep.Run run, String error) {
        double[] none = new double[Metric.values().length];
        Arrays.fill(none, Double.NaN);
        return new Outcome(run, Status.FAILED, none, Double.NaN, 0, error.replaceAll("\\s+", " ").strip());
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

        synchronized void record(Outcome o) {
            outcomes[o.run().index()] = o;
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
