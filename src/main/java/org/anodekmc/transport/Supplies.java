package org.anodekmc.transport;

import org.anodekmc.config.SupplyConfig;
import org.anodekmc.engine.IonSupply;

/** The ion supply a config asks for (the engine is built with it by run.Engines). */
public final class Supplies {
    private Supplies() {
    }

    /** The supply for a mode, or null for the kinetic mode (which the engine handles through its rates). */
    public static IonSupply of(SupplyConfig supply) {
        return switch (supply.mode()) {
            case KINETIC -> null;
            case BALLISTIC -> new BallisticSupply(supply.landing() == SupplyConfig.Landing.FIRST_CONTACT);
            case DIFFUSION_LIMITED -> new DiffusionLimitedSupply(supply.reservoirDistance(), supply.sticking());
        };
    }
}
