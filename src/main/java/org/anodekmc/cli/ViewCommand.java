package org.anodekmc.cli;

import org.anodekmc.viewer.Viewer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "view", mixinStandardHelpOptions = true,
        description = "Replay a run in a window: 3D deposit, top view, charts, timeline. Without RUN, choose a "
                + "run folder in a dialog.")
final class ViewCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", arity = "0..1", description = "run folder (written by kmc run)")
    Path run;

    @Override
    public Integer call() {
        if (!Viewer.view(run, w -> System.err.println("warning: " + w))) {
            System.out.println("no run folder chosen");
        }
        return 0;
    }
}
