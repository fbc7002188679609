package org.anodekmc.sweep;

import org.anodekmc.io.FolderLock;
import org.anodekmc.io.OutputFolder;
import org.anodekmc.run.RunExecutor;
import org.anodekmc.io.RunFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A sweep cut into the tasks of a job array: task k runs the runs k·c … k·c + c − 1 (c runs per task, in sweep
 * order), each into its ordinary run folder with its ordinary seed, so tasks run in any order and on any node and
 * together make exactly the local sweep. Collecting reads the finished run folders and writes the same tables and
 * plots as a local sweep; a run that failed leaves its error in {@code slurm/failed/<run>.txt} for the collection.
 */
public final class SweepArray {
    /** The sweep folder's subfolder for the scheduler's scripts, logs and the errors of failed runs. */
    public static final String FOLDER = "slurm";
    private static final String FAILED = "failed";

    /** What {@link #collect} found: the sweep's result, and the runs that failed or did not finish. */
    public record Collected(SweepRunner.Result result, List<SweepRunner.Outcome> missing) {
    }

    private SweepArray() {
    }

    /** Runs per task so that the sweep fits in {@code arraySize} tasks. */
    public static int runsPerTask(Sweep sweep, int arraySize) {
        if (arraySize < 1) {
            throw new IllegalArgumentException("--array-size must be at least 1, got " + arraySize);
        }
        return Math.max(1, ceilDiv(sweep.runs().size(), arraySize));
    }

    /** The tasks that still have a run to do (not finished, or finished with another config), in order. */
    public static List<Integer> pendingTasks(Sweep sweep, Path out, int runsPerTask) {
        List<Integer> tasks = new ArrayList<>();
        for (Sweep.Run run : sweep.runs()) {
            int task = run.index() / runsPerTask;
            boolean pending = run.config() != null
                    && SweepRunner.finished(run, out.resolve(SweepRunner.POINTS).resolve(run.id())) == null;
            if (pending && (tasks.isEmpty() || tasks.get(tasks.size() - 1) != task)) {
                tasks.add(task);
            }
        }
        return tasks;
    }

    /** Task ids as Slurm's --array takes them, consecutive ones as ranges: 0-3,7,9-10. */
    public static String arraySpec(List<Integer> tasks) {
        StringBuilder spec = new StringBuilder();
        for (int i = 0; i < tasks.size(); ) {
            int last = i;
            while (last + 1 < tasks.size() && tasks.get(last + 1) == tasks.get(last) + 1) {
                last++;
            }
            spec.append(spec.isEmpty() ? "" : ",").append(tasks.get(i));
            if (last > i) {
                spec.append('-').append(tasks.get(last));
            }
            i = last + 1;
        }
        return spec.toString();
    }

    /**
     * Runs task {@code task}'s share of the sweep; a run stopped by {@code stop} (SIGTERM at the time limit, scancel)
     * keeps its checkpoint and is resumed by the next submission.
     *
     * @return the outcomes of the task's runs, in sweep order
     */
    public static List<SweepRunner.Outcome> runTask(Sweep sweep, Path out, int task, int runsPerTask, int threads,
                                                    BooleanSupplier stop) {
        int runs = sweep.runs().size();
        if (runsPerTask < 1) {
            throw new IllegalArgumentException("--runs-per-task must be at least 1, got " + runsPerTask);
        }
        int tasks = ceilDiv(runs, runsPerTask);
        if (task < 0 || task >= tasks) {
            throw new IllegalArgumentException("--task must be from 0 to " + (tasks - 1) + " (" + runs + " runs, "
                    + runsPerTask + " per task), got " + task);
        }
        List<Sweep.Run> share = sweep.runs().subList(task * runsPerTask, Math.min(runs, (task + 1) * runsPerTask));
        List<SweepRunner.Outcome> outcomes = SweepRunner.runEach(share, out, threads,
                new RunExecutor.Options(null, stop), null);
        for (SweepRunner.Outcome o : outcomes) {
            Path error = errorFile(out, o.run());
            try {
                if (o.status() == SweepRunner.Status.FAILED) {
                    Files.createDirectories(error.getParent());
                    RunFolder.writeAtomically(error, o.error());
                } else {
                    Files.deleteIfExists(error);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record the outcome of " + o.run().id() + " in " + error, e);
            }
        }
        return outcomes;
    }

    /**
     * Writes sweep.csv, sweep-mean.csv, timing.csv and the trend plots from the runs that finished, as a local sweep
     * would; the others are failed rows saying why (the run's error, stopped with a checkpoint, or did not run).
     */
    public static Collected collect(Sweep sweep, Path out) {
        if (OutputFolder.kindOf(out) != OutputFolder.Kind.SWEEP) {
            throw new IllegalArgumentException(out + " holds no sweep to collect (it has no " + OutputFolder.MARKER
                    + " of a sweep); run or submit the sweep first");
        }
        long start = System.nanoTime();
        List<SweepRunner.Outcome> all = new ArrayList<>();
        List<SweepRunner.Outcome> missing = new ArrayList<>();
        for (Sweep.Run run : sweep.runs()) {
            SweepRunner.Outcome o = run.config() == null ? SweepRunner.failed(run, run.error())
                    : SweepRunner.finished(run, out.resolve(SweepRunner.POINTS).resolve(run.id()));
            if (o == null) {
                o = SweepRunner.failed(run, whyNotFinished(out, run));
            }
            all.add(o);
            if (!o.ok()) {
                missing.add(o);
            }
        }
        try (FolderLock lock = FolderLock.acquire(out, "kmc sweep --collect")) {
            SweepRunner.writeOutputs(sweep, all, out);
        }
        return new Collected(new SweepRunner.Result(out, List.copyOf(all), (System.nanoTime() - start) * 1e-9),
                List.copyOf(missing));
    }

    private static String whyNotFinished(Path out, Sweep.Run run) {
        Path error = errorFile(out, run);
        if (Files.isRegularFile(error)) {
            try {
                return Files.readString(error);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + error, e);
            }
        }
        Path folder = out.resolve(SweepRunner.POINTS).resolve(run.id());
        if (RunFolder.hasResumableRun(folder)) {
            return "stopped before its end with a checkpoint; submit the sweep again to continue it";
        }
        if (Files.isDirectory(folder.resolveSibling(run.id() + RunFolder.PARTIAL_SUFFIX))) {
            return "did not finish (killed without a checkpoint, or still running); submit the sweep again";
        }
        return "did not run; submit the sweep again";
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static Path errorFile(Path out, Sweep.Run run) {
        return out.resolve(FOLDER).resolve(FAILED).resolve(run.id() + ".txt");
    }
}
