package org.anodekmc.cli;

import org.anodekmc.config.Plausibility;
import org.anodekmc.config.SimulationConfig;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Prints the plausibility warnings of the configs a command is about to run, each once, on stderr. */
final class ConfigWarnings {
    private ConfigWarnings() {
    }

    static void print(Collection<SimulationConfig> configs) {
        Set<String> warnings = new LinkedHashSet<>();
        for (SimulationConfig c : configs) {
            warnings.addAll(Plausibility.warnings(c));
        }
        warnings.forEach(w -> System.err.println("warning: " + w));
    }
}
