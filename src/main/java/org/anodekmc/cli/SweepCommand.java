package org.anodekmc.cli;

import org.anodekmc.config.ConfigLoader;
import org.anodekmc.sweep.Sweep;
import org.anodekmc.sweep.SweepLoader;
import org.anodekmc.sweep.SweepRunner;
import org.anodekmc.sweep.SweepTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a parameter sweep: every point of the sweep file on a thread pool, one run per thread.",
                "Run it again after an interruption: finished runs are kept, half-done ones are redone."})
final class SweepCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "sweep file, YAML or JSON (see configs/sweeps/)")
    Path file;

    @Option(names = "--threads", paramLabel = "N", description = "runs at the same time (default: all cores, ${DEFAULT-VALUE})")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "DIR", description = "sweep folder (default: results/<sweep name>)")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "no progress line")
    boolean quiet;

    @Override
    public Integer call() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        Sweep sweep = new SweepLoader(ConfigLoader.withBuiltInPresets()).load(file);
        ConfigWarnings.print(sweep.runs().stream().map(Sweep.Run::config).filter(Objects::nonNull).toList());
        Path folder = out != null ? out : Path.of("results", sweep.name());
        System.out.printf(Locale.ROOT, "sweep %s: %d points × %d replicates = %d runs on %d threads into %s/%n",
                sweep.name(), sweep.points(), sweep.replicates(), sweep.runs().size(), threads, folder);
        SweepProgressLine progress = new SweepProgressLine(quiet);
        SweepRunner.Result result = SweepRunner.run(sweep, folder, threads, progress);
        progress.finish();
        long failed = result.count(SweepRunner.Status.FAILED);
        System.out.printf(Locale.ROOT, "%d runs ok (%d ran now, %d kept from before), %d failed, in %.1f s%n",
                result.outcomes().size() - failed, result.count(SweepRunner.Status.RAN),
                result.count(SweepRunner.Status.REUSED), failed, result.wallSeconds());
        System.out.println("results in " + folder + "/ (" + SweepTables.RUNS + ", " + SweepTables.MEANS + ", "
                + SweepTables.TIMING + ", trend-*.png)");
        if (failed > 0) {
            System.err.println("error: " + failed + " run(s) failed; their errors are in the error column of "
                    + folder.resolve(SweepTables.RUNS));
            return Main.FAILURE;
        }
        return 0;
    }
}
