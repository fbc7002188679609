package org.anodekmc.engine;

import org.anodekmc.config.HopConfig;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.config.SupplyConfig;
import org.anodekmc.lattice.Lattice;

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
        REDOX;

        /** Events a site owns under this type (what its process's {@link Process#eventsPerSite} returns). */
        int eventsPerSite(SimulationConfig config, Lattice lattice) {
            return this == DIRECTIONAL_HOPS ? lattice.hopDirections(config.hops().secondShell()) : 1;
        }
    }

    /** The counters of all process types, in the order of the time series' columns. */
    static final List<String> COUNTERS = List.of(Hops.COUNTER);

    private Processes() {
    }

    /** The types a config runs. */
    static Set<Type> active(SimulationConfig config) {
        Set<Type> types = EnumSet.noneOf(Type.class);
        if (config.hops().enabled()) {
            // the bond-counting law's rate depends only on the mover, which one attempt per atom can represent
            types.add(config.hops().law() == HopConfig.Law.BOND_COUNTING ? Type.ATTEMPT_HOPS : Type.DIRECTIONAL_HOPS);
        }
        if (config.supply().mode() == SupplyConfig.Mode.KINETIC) {
            types.add(Type.REDOX);
        }
        return types;
    }

    /** Events a site can own in a run of this config, over all its processes. */
    static int eventsPerSite(SimulationConfig config, Lattice lattice) {
        return active(config).stream().mapToInt(t -> t.eventsPerSite(config, lattice)).sum();
    }
}
