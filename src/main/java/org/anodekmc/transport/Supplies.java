package org.anodekmc.transport;

import org.anodekmc.config.SimulationConfig;
import org.anodekmc.config.SupplyConfig;
import org.anodekmc.engine.IonSupply;
import org.anodekmc.engine.Simulation;

/** Builds a simulation with the ion supply its config asks for. */
public final class Supplies {
    private Supplies() {
    }

    public static Simulation newSimulation(SimulationConfig config) {
        return new Simulation(config, of(config.supply()));
    }

    /** The supply for a mode, or null for the kinetic mode (which the engine handles through its rates). */
    static IonSupply of(SupplyConfig supply) {
        return switch (supply.mode()) {
            case SupplyConfig.BALLISTIC -> new BallisticSupply(supply.landing().equals(SupplyConfig.FIRST_CONTACT));
            case SupplyConfig.DIFFUSION_LIMITED -> new DiffusionLimitedSupply(supply.reservoirDistance(),
                    supply.sticking());
            default -> null;
        };
    }
}
