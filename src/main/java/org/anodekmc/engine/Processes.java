package org.anodekmc.engine;

import org.anodekmc.config.SimulationConfig;
import org.anodekmc.model.RateModel;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The event types the engine knows, and which of them a config runs. A new event type is a {@link Process} class, its
 * rate table, a constant here (the physics tests run every one), the condition in {@link #active} and its
 * construction in {@link Simulation}, and, if it counts its events, its counter in {@link #COUNTERS}.
 */
final class Processes {
    enum Type {
        /** Hops listed per direction: the metropolis law. */
        DIRECTIONAL_HOPS,
        /** One hop attempt per atom: the bond-counting law. */
        ATTEMPT_HOPS,
        /** Reduction and oxidation at their own rates: the kinetic supply mode. */
        REDOX
    }

    /** The counters of all process types, in the order of the time series' columns. */
    static final List<String> COUNTERS = List.of(Hops.COUNTER);

    private Processes() {
    }

    /** The types a config runs. */
    static Set<Type> active(SimulationConfig config, RateModel rates, boolean redoxKinetics) {
        Set<Type> types = EnumSet.noneOf(Type.class);
        if (config.hops().enabled()) {
            types.add(rates.hopRateDependsOnTarget() ? Type.DIRECTIONAL_HOPS : Type.ATTEMPT_HOPS);
        }
        if (redoxKinetics) {
            types.add(Type.REDOX);
        }
        return types;
    }
}
