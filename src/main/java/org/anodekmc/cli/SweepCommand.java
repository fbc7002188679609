package org.anodekmc.cli;

import org.anodekmc.config.ConfigLoader;
import org.anodekmc.io.OutputFolder;
import org.anodekmc.run.StopRequest;
import org.anodekmc.sweep.Sweep;
import org.anodekmc.sweep.SweepArray;
import org.anodekmc.sweep.SweepLoader;
import org.anodekmc.sweep.SweepRunner;
import org.anodekmc.sweep.SweepTables;
import org.anodekmc.sweep.SlurmSubmission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a parameter sweep: every point of the sweep file on --threads threads, each run taking "
                        + "as many as its engine.threads (1 unless the sweep sets it).",
                "Run it again after an interruption: finished runs are kept, half-done ones are redone (continued when "
                        + "they stopped with a checkpoint).",
                "On a Slurm cluster, --slurm submits it as a job array; --collect writes the tables from the runs "
                        + "that finished."})
final class SweepCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "sweep file, YAML or JSON (see configs/sweeps/)")
    Path file;

    @Mixin
    SweepOptions pool;

    @Option(names = "--slurm", description = "write a Slurm job array for the runs still to do into DIR/slurm/ and "
            + "submit it with sbatch, with a job that collects the results when it has ended")
    boolean slurm;

    @Option(names = "--array-size", paramLabel = "N", description = "with --slurm: at most N array tasks; more runs "
            + "are shared out in chunks (default: ${DEFAULT-VALUE})")
    int arraySize = 1000;

    @Option(names = "--partition", paramLabel = "P", description = "with --slurm: the partition")
    String partition;

    @Option(names = "--time", paramLabel = "T", description = "with --slurm: each task's time limit (Slurm format, "
            + "e.g. 30, 2:00:00, 1-00:00:00); runs stopped at it are continued by the next submission")
    String time;

    @Option(names = "--cpus", paramLabel = "C", description = "with --slurm: CPUs per task, shared by its runs as "
            + "--threads shares them (default: the most engine.threads of a run, 1 unless the sweep sets it)")
    Integer cpus;

    @Option(names = "--mem", paramLabel = "M", description = "with --slurm: memory per task (Slurm format, e.g. 4G)")
    String memory;

    @Option(names = "--no-submit", description = "with --slurm: write the scripts and print how to submit them")
    boolean noSubmit;

    @Option(names = "--task", paramLabel = "K", description = "run only array task K's runs (what the array's tasks "
            + "call)")
    Integer task;

    @Option(names = "--runs-per-task", paramLabel = "C", description = "with --task: runs per task (default: "
            + "${DEFAULT-VALUE})")
    int runsPerTask = 1;

    @Option(names = "--collect", description = "write the tables and plots from the runs that finished and list the "
            + "runs that failed or did not run")
    boolean collect;

    @Override
    public Integer call() {
        pool.check();
        if ((slurm ? 1 : 0) + (task != null ? 1 : 0) + (collect ? 1 : 0) > 1) {
            throw new IllegalArgumentException("--slurm, --task and --collect exclude one another");
        }
        if (!slurm && (partition != null || time != null || cpus != null || memory != null || noSubmit)) {
            throw new IllegalArgumentException("--partition, --time, --cpus, --mem and --no-submit go with --slurm");
        }
        Sweep sweep = new SweepLoader(ConfigLoader.withBuiltInPresets()).load(file);
        SlurmSubmission.Resources resources = slurm ? new SlurmSubmission.Resources(partition, time,
                cpus != null ? cpus : sweep.mostThreadsPerRun(), memory) : null;
        ConfigWarnings.print(sweep.runs().stream().map(Sweep.Run::config).filter(Objects::nonNull).toList());
        int given = slurm ? resources.cpus() : pool.threads;
        if (!collect && sweep.mostThreadsPerRun() > given) {
            System.err.printf(Locale.ROOT, "warning: runs on %d threads (engine.threads) run alone on more threads "
                    + "than the %d %s%n", sweep.mostThreadsPerRun(), given, slurm ? "CPUs of a task" : "of the sweep");
        }
        Path folder = pool.folder(sweep.name());
        OutputFolder.requireOwn(folder, OutputFolder.Kind.SWEEP); // before announcing or submitting anything
        if (slurm) {
            return submit(sweep, folder.toAbsolutePath().normalize(), resources);
        }
        if (task != null) {
            return runTask(sweep, folder);
        }
        if (collect) {
            return report(SweepArray.collect(sweep, folder).result(), folder, true);
        }
        System.out.printf(Locale.ROOT, "sweep %s: %d points × %d replicates = %d runs on %d threads into %s/%n",
                sweep.name(), sweep.points(), sweep.replicates(), sweep.runs().size(), pool.threads, folder);
        SweepProgressLine progress = new SweepProgressLine(pool.quiet);
        SweepRunner.Result result = SweepRunner.run(sweep, folder, pool.threads, progress);
        progress.finish();
        return report(result, folder, false);
    }

    private int submit(Sweep sweep, Path folder, SlurmSubmission.Resources resources) {
        int perTask = SweepArray.runsPerTask(sweep, arraySize);
        List<Integer> tasks = SweepArray.pendingTasks(sweep, folder, perTask);
        if (tasks.isEmpty()) {
            System.out.println("all runs of sweep " + sweep.name() + " are finished; nothing to submit");
            return report(SweepArray.collect(sweep, folder).result(), folder, true);
        }
        SlurmSubmission scripts = SlurmSubmission.write(SlurmSubmission.thisBuild(Main.class.getName()), sweep, file,
                folder, tasks, perTask, resources);
        System.out.printf(Locale.ROOT, "sweep %s: %d runs, %d array tasks to do (%d run%s each): %s%n", sweep.name(),
                sweep.runs().size(), tasks.size(), perTask, perTask == 1 ? "" : "s", SweepArray.arraySpec(tasks));
        System.out.println("wrote " + scripts.arrayScript() + " and " + scripts.collectScript());
        if (noSubmit) {
            System.out.println("submit with: job=$(sbatch --parsable " + scripts.arrayScript() + ") && sbatch "
                    + "--dependency=afterany:$job " + scripts.collectScript());
            return 0;
        }
        SlurmSubmission.Submitted jobs = scripts.submit();
        System.out.println("submitted array job " + jobs.arrayJob() + " and collect job " + jobs.collectJob()
                + " (starts when the array has ended)");
        System.out.println("follow it: squeue -j " + jobs.arrayJob() + "," + jobs.collectJob() + "; logs in "
                + scripts.logs() + "/");
        System.out.println("results: " + folder.resolve(SweepTables.RUNS) + " when job " + jobs.collectJob()
                + " has ended; submit the same command again to run what failed or did not finish");
        return 0;
    }

    private int runTask(Sweep sweep, Path folder) {
        // SIGTERM (the time limit, scancel) stops the runs with checkpoints; the next submission resumes them
        try (StopRequest stop = StopRequest.onSignals()) {
            List<SweepRunner.Outcome> outcomes = SweepArray.runTask(sweep, folder, task, runsPerTask, pool.threads,
                    stop);
            for (SweepRunner.Outcome o : outcomes) {
                System.out.println(o.run().id() + ": " + o.status().name().toLowerCase(Locale.ROOT)
                        + (o.error() == null ? "" : " (" + o.error() + ")"));
            }
            return outcomes.stream().allMatch(SweepRunner.Outcome::ok) ? 0 : Main.FAILURE;
        }
    }

    /** How the sweep went; {@code collected}: the outcomes were read from the run folders, none ran now. */
    private static int report(SweepRunner.Result result, Path folder, boolean collected) {
        long failed = result.outcomes().stream().filter(o -> !o.ok()).count();
        if (collected) {
            System.out.printf(Locale.ROOT, "%d runs finished, %d failed or did not finish%n",
                    result.outcomes().size() - failed, failed);
        } else {
            printCounts(result);
        }
        System.out.println("results in " + folder + "/ (" + SweepTables.RUNS + ", " + SweepTables.MEANS + ", "
                + SweepTables.TIMING + ", trend-*.png)");
        return failures(result, folder);
    }

    /** How many runs finished, ran now, were kept from an earlier session and failed, on one line. */
    static void printCounts(SweepRunner.Result result) {
        long failed = result.outcomes().stream().filter(o -> !o.ok()).count();
        System.out.printf(Locale.ROOT, "%d runs ok (%d ran now, %d kept from before), %d failed, in %.1f s%n",
                result.outcomes().size() - failed, result.count(SweepRunner.Status.RAN),
                result.count(SweepRunner.Status.REUSED), failed, result.wallSeconds());
    }

    /** Lists the runs that failed or did not finish on stderr; the exit code: 0 when there are none. */
    static int failures(SweepRunner.Result result, Path folder) {
        List<SweepRunner.Outcome> failed = result.outcomes().stream().filter(o -> !o.ok()).toList();
        if (failed.isEmpty()) {
            return 0;
        }
        failed.forEach(o -> System.err.println("  " + SweepRunner.POINTS + "/" + o.run().id() + ": " + o.error()));
        System.err.println("error: " + failed.size() + " run(s) failed or did not finish; their errors are in the "
                + "error column of " + folder.resolve(SweepTables.RUNS));
        return Main.FAILURE;
    }
}
