package org.anodekmc.cli;

import org.anodekmc.run.CheckpointPolicy;
import org.anodekmc.run.RunExecutor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "resume", mixinStandardHelpOptions = true, description = "Continue a stopped run from its last "
        + "checkpoint; it ends exactly as the run would have without the stop.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "the run folder (RUN, or RUN.partial where the stopped run is)")
    Path run;

    @Option(names = "--checkpoint-every", paramLabel = "N|Xs|Xm", description = "checkpoints from here on "
            + "(default: as the run was started)")
    String checkpointEvery;

    @Option(names = {"-q", "--quiet"}, description = "no progress line")
    boolean quiet;

    @Override
    public Integer call() {
        CheckpointPolicy checkpoints = checkpointEvery == null ? null : CheckpointPolicy.parse(checkpointEvery);
        return RunOutcome.execute(quiet, (stop, progress) -> RunExecutor.resume(run,
                new RunExecutor.Options(checkpoints, stop), progress));
    }
}
