package org.anodekmc.engine;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.RateModel;
import org.anodekmc.model.Species;

/**
 * Surface diffusion: a live metal atom hops to an empty, supported site of its first shell or along one of the
 * lattice's second-shell moves (across a step edge on sc, across a terrace on bcc001). The two hop processes differ in how they list hops in the catalogue; both decide a hop's rate
 * class and carry it out here.
 */
abstract class Hops implements Process {
    /** The counter of both hop processes. */
    static final String COUNTER = "hops";
    static final int NONE = LatticeState.NONE;

    final LatticeState state;
    final Lattice lattice;
    final EventIndex events;
    final RateModel rates;
    /** The connectivity rule, or null without it. */
    private final DeadMetal deadMetal;
    /** Hop directions: the first shell, then the second-shell ones if enabled. */
    final int directions;

    Hops(LatticeState state, EventIndex events, RateModel rates, DeadMetal deadMetal, int directions) {
        this.state = state;
        this.lattice = state.lattice;
        this.events = events;
        this.rates = rates;
        this.deadMetal = deadMetal;
        this.directions = directions;
    }

    @Override
    public boolean emptySitesOwnEvents() {
        return false;
    }

    @Override
    public String counter() {
        return COUNTER;
    }

    /**
     * Class of the hop in {@code direction} of the atom at {@code site}, whose signature is {@code from}, in the
     * rate model's hop table, or NONE.
     */
    final int hopClass(int from, int site, int direction) {
        int target = lattice.neighbour(site, direction);
        if (!state.inDepositLayers(target) || state.species(target) != Species.EMPTY) {
            return NONE;
        }
        return hopClassInto(from, site, direction, target);
    }

    /** {@link #hopClass} of a hop whose target, an empty site of the deposit layers, the caller has at hand. */
    final int hopClassInto(int from, int site, int direction, int target) {
        boolean firstShell = lattice.isFirstShell(direction);
        // a second-shell move is blocked when both sites it passes between are occupied
        if (!firstShell && occupied(lattice.firstBridge(site, direction))
                && occupied(lattice.secondBridge(site, direction))) {
            return NONE;
        }
        // the target's binding without the moving atom, which is its neighbour only for first-shell hops
        int to = state.signature(target) - (firstShell ? 1 : 0);
        return rates.hopClass(from, to, site < state.surfaceLayerEnd && target < state.surfaceLayerEnd,
                lattice.dz(direction) != 0);
    }

    /** A bridge site above the box (on bcc001 those of the top layer's moves lie there) is free. */
    private boolean occupied(int site) {
        return site < state.cells.length && state.species(site) != Species.EMPTY;
    }

    /**
     * Moves the atom; refuses a hop that would leave the moving atom itself without a path to the substrate (its
     * reverse would be impossible, as dead metal does not hop).
     */
    final boolean move(int site, int direction) {
        int to = lattice.neighbour(site, direction);
        if (deadMetal != null && !deadMetal.reachesSubstrate(to, site)) {
            return false;
        }
        state.setSpecies(site, Species.EMPTY);
        state.setSpecies(to, Species.METAL);
        events.refreshAround(site, NONE);
        // a first-shell hop's target and origin were refreshed above as neighbours of the origin, and so were the
        // neighbours both ends share (with the state as it is now, so that refreshing them again changes nothing)
        events.refreshAround(to, lattice.isFirstShell(direction) ? site : NONE,
                lattice.sharedNeighbours(to, lattice.reverse(direction)));
        if (deadMetal != null) {
            // dead metal the atom touches first regains its path; only then can the origin's neighbours be judged
            deadMetal.reconnectAround(to);
            deadMetal.cutOffAround(site);
        }
        return true;
    }
}
