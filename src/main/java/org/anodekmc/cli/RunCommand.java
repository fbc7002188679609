package org.anodekmc.cli;

import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.run.CheckpointPolicy;
import org.anodekmc.run.RunExecutor;
import org.anodekmc.io.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Run one simulation from a config file.")
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONFIG", description = "run config, YAML or JSON")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: results/<config name>)")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "random seed (overrides the config's)")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "threads of this one run (sets the config's "
            + "engine.threads; 1 is the exact serial engine)")
    Integer threads;

    @Option(names = "--checkpoint-every", paramLabel = "N|Xs|Xm", description = "write a checkpoint every N events, "
            + "X simulated seconds (0.5s) or X wall-clock minutes (10m); continue a stopped run with kmc resume. "
            + "SIGINT/SIGTERM always write one.")
    String checkpointEvery;

    @Option(names = "--overwrite", description = "replace a finished run already in the folder (never anything "
            + "else: a folder that is not a run of anodekmc is refused)")
    boolean overwrite;

    @Option(names = {"-q", "--quiet"}, description = "no progress line")
    boolean quiet;

    @Override
    public Integer call() {
        CheckpointPolicy checkpoints = checkpointEvery == null ? null : CheckpointPolicy.parse(checkpointEvery);
        var tree = ConfigLoader.readTree(config);
        if (threads != null) {
            tree.withObject("/engine").put("threads", threads);
        }
        SimulationConfig loaded = ConfigLoader.withBuiltInPresets().resolve(tree, ConfigLoader.baseName(config));
        SimulationConfig resolved = seed == null ? loaded : loaded.withSeed(seed);
        ConfigWarnings.print(List.of(resolved));
        Path folder = out != null ? out : Path.of("results", resolved.name());
        try (RunFolder run = RunExecutor.begin(resolved, folder, overwrite)) {
            if (run.discardedStoppedRun()) {
                System.err.println("note: starting over; the stopped run in " + run.partial()
                        + " is discarded (kmc resume " + folder + " would have continued it)");
            }
            return RunOutcome.execute(quiet, (stop, progress) -> RunExecutor.run(resolved, run,
                    new RunExecutor.Options(checkpoints, stop), progress));
        }
    }
}
