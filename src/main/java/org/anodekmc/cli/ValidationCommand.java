package org.anodekmc.cli;

import org.anodekmc.config.ConfigLoader;
import org.anodekmc.io.OutputFolder;
import org.anodekmc.sweep.SweepTables;
import org.anodekmc.sweep.ValidationReport;
import org.anodekmc.sweep.ValidationSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "validation", mixinStandardHelpOptions = true,
        description = {"Run a validation set: every literature system of the set file with its replicates, on a "
                + "thread pool as a sweep, and compare the simulated nucleation overpotentials with the measured ones "
                + "(validation.csv, validation-ratios.csv, validation-summary.txt, parity.png).",
                "Run it again after an interruption: finished runs are kept."})
final class ValidationCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "validation set file (configs/validation/validation-set.yaml)")
    Path file;

    @Option(names = "--threads", paramLabel = "N", description = "runs at the same time (default: all cores, ${DEFAULT-VALUE})")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/<set name>)")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "no progress line")
    boolean quiet;

    @Override
    public Integer call() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        ValidationSet set = ValidationSet.load(file, ConfigLoader.withBuiltInPresets());
        ConfigWarnings.print(set.members().stream().map(ValidationSet.Member::config).toList());
        Path folder = out != null ? out : Path.of("results", set.sweep().name());
        OutputFolder.requireOwn(folder, OutputFolder.Kind.SWEEP);
        System.out.printf(Locale.ROOT, "validation set %s: %d systems × %d replicates = %d runs on %d threads into "
                        + "%s/%n", set.sweep().name(), set.members().size(), set.sweep().replicates(),
                set.sweep().runs().size(), threads, folder);
        SweepProgressLine progress = new SweepProgressLine(quiet);
        ValidationSet.Result result = set.run(folder, threads, progress);
        progress.finish();
        System.out.print(result.report().summary());
        System.out.println("results in " + folder + "/ (" + ValidationReport.TABLE + ", " + ValidationReport.RATIOS
                + ", " + ValidationReport.SUMMARY + ", " + ValidationReport.PARITY + "; per run: "
                + SweepTables.RUNS + ", " + SweepTables.MEANS + ", " + SweepTables.TIMING + ")");
        return SweepCommand.failures(result.sweep(), folder);
    }
}
