package org.anodekmc.cli;

import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.engine.MemoryEstimate;
import org.anodekmc.engine.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a run config; print it resolved (presets and defaults filled in) with --print.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONFIG", description = "run config, YAML or JSON")
    Path config;

    @Option(names = "--print", description = "print the resolved config on stdout (and the status line on stderr)")
    boolean print;

    @Override
    public Integer call() {
        SimulationConfig resolved = ConfigLoader.withBuiltInPresets().load(config);
        ConfigWarnings.print(List.of(resolved));
        long maxHeap = Runtime.getRuntime().maxMemory();
        MemoryEstimate.requireFits(resolved, maxHeap);
        Simulation.requireBands(resolved);
        long bytes = MemoryEstimate.bytes(resolved);
        System.err.println("memory: about " + MemoryEstimate.describe(bytes) + " needed, in a heap of at least "
                + MemoryEstimate.describe(MemoryEstimate.HEADROOM * bytes) + "; this Java VM may use "
                + MemoryEstimate.describe(maxHeap));
        String status = config + ": valid (run name '" + resolved.name() + "')";
        if (print) {
            // stdout carries only the config, so that it can be redirected into a file and run
            System.out.print(ConfigLoader.toYaml(resolved));
            System.err.println(status);
        } else {
            System.out.println(status);
        }
        return 0;
    }
}
