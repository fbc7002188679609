package org.anodekmc.cli;

import org.anodekmc.config.ConfigLoader;
import org.anodekmc.io.OutputFolder;
import org.anodekmc.sweep.SweepTables;
import org.anodekmc.sweep.ValidationReport;
import org.anodekmc.sweep.ValidationSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    SweepOptions pool;

    @Override
    public Integer call() {
        pool.check();
        ValidationSet set = ValidationSet.load(file, ConfigLoader.withBuiltInPresets());
        ConfigWarnings.print(set.members().stream().map(ValidationSet.Member::config).toList());
        Path folder = pool.folder(set.sweep().name());
        OutputFolder.requireOwn(folder, OutputFolder.Kind.SWEEP);
        System.out.printf(Locale.ROOT, "validation set %s: %d systems × %d replicates = %d runs on %d threads into "
                        + "%s/%n", set.sweep().name(), set.members().size(), set.sweep().replicates(),
                set.sweep().runs().size(), pool.threads, folder);
        SweepProgressLine progress = new SweepProgressLine(pool.quiet);
        ValidationSet.Result result = set.run(folder, pool.threads, progress);
        progress.finish();
        SweepCommand.printCounts(result.sweep());
        System.out.print(result.report().summary());
        System.out.println("results in " + folder + "/ (" + ValidationReport.TABLE + ", " + ValidationReport.RATIOS
                + ", " + ValidationReport.SUMMARY + ", " + ValidationReport.PARITY + "; per run: "
                + SweepTables.RUNS + ", " + SweepTables.MEANS + ", " + SweepTables.TIMING + ")");
        return SweepCommand.failures(result.sweep(), folder);
    }
}
