package org.anodekmc.run;

import org.anodekmc.config.SimulationConfig;
import org.anodekmc.engine.Simulation;
import org.anodekmc.transport.Supplies;

/** The one way to build an engine: a simulation wired with the ion supply its config asks for. */
public final class Engines {
    private Engines() {
    }

    public static Simulation build(SimulationConfig config) {
        return new Simulation(config, Supplies.of(config.supply()));
    }
}
