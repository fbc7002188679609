package org.anodekmc.engine;

import org.anodekmc.config.HopConfig;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.config.SupplyConfig;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.RateModel;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event types the engine knows: which of them a config runs, and how each is built. A new event type is a
 * {@link Process} class, its rate table, and its registration here: a constant of {@link Type} with its construction
 * and layout rank, its condition in {@link #active}, and its counter in {@link #COUNTERS} if it counts its events.
 * The physics tests run every constant (EquilibriumTest).
 */
final class Processes {
    /** What a process is built from: the engine's parts it works on. */
    record Wiring(SimulationConfig config, LatticeState state, EventIndex index, RateModel rates, ElectrolyteReach reach,
                  DeadMetal deadMetal, Redox.Electrode electrode, UniformRandomProvider rng, RateClasses classes) {
        int hopDirections() {
            return state.lattice.hopDirections(config.hops().secondShell());
        }
    }

    /**
     * The types in the order they are built, which is the order of their rate groups in the catalogue. A site's events
     * are laid out by {@code layoutRank}. Both orders decide what a random number picks, so they are fixed here.
     */
    enum Type {
        /** Hops listed per direction: the metropolis law. */
        DIRECTIONAL_HOPS(1) {
            @Override
            Process build(Wiring w) {
                return new DirectionalHops(w.state(), w.index(), w.rates(), w.deadMetal(), w.hopDirections(),
                        w.classes());
            }
        },
        /** One hop attempt per atom: the bond-counting law. */
        ATTEMPT_HOPS(1) {
            @Override
            Process build(Wiring w) {
                return new AttemptHops(w.state(), w.index(), w.rates(), w.deadMetal(), w.hopDirections(), w.classes(),
                        w.rng());
            }
        },
        /** Reduction and oxidation at their own rates: the kinetic supply mode. */
        REDOX(0) {
            @Override
            Process build(Wiring w) {
                return new Redox(w.state(), w.index(), w.rates(), w.reach(), w.deadMetal(), w.electrode(),
                        w.classes());
            }
        };

        private final int layoutRank;

        Type(int layoutRank) {
            this.layoutRank = layoutRank;
        }

        abstract Process build(Wiring w);

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

    /** Builds the processes a config runs, in the order of {@link Type}; each declares its classes as it is built. */
    static Map<Type, Process> build(Wiring w) {
        Map<Type, Process> built = new EnumMap<>(Type.class);
        for (Type type : active(w.config())) {
            built.put(type, type.build(w));
        }
        return built;
    }

    /** The processes in the order a site's events are laid out. */
    static List<Process> inLayoutOrder(Map<Type, Process> built) {
        return built.entrySet().stream().sorted(Comparator.comparingInt(e -> e.getKey().layoutRank))
                .map(Map.Entry::getValue).toList();
    }

    /** Events a site can own in a run of this config, over all its processes. */
    static int eventsPerSite(SimulationConfig config, Lattice lattice) {
        return active(config).stream().mapToInt(t -> t.eventsPerSite(config, lattice)).sum();
    }
}
