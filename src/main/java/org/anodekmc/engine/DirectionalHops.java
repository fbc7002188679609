package org.anodekmc.engine;

import org.anodekmc.model.RateModel;
import org.anodekmc.model.Species;

/**
 * Hops listed one event per direction: for a law whose rate depends on the target's binding (metropolis). A hop's
 * rate changes whenever its target's surroundings do, so a change reaches the hops into its empty neighbours and the
 * second-shell hops into the site itself.
 */
final class DirectionalHops extends Hops {
    private final int classBase;
    private int firstEvent;

    DirectionalHops(LatticeState state, EventIndex events, RateModel rates, DeadMetal deadMetal, int directions,
                    RateClasses classes) {
        super(state, events, rates, deadMetal, directions);
        int group = classes.newGroup();
        classBase = classes.size();
        for (int h = 0; h < rates.hopClassCount(); h++) {
            classes.add(rates.hopRate(h), group);
        }
    }

    /** Catalogue class of the rate model's hop class 0 (hop class h is this + h). */
    int firstClass() {
        return classBase;
    }

    @Override
    public int eventsPerSite() {
        return directions;
    }

    @Override
    public void placedAt(int first) {
        firstEvent = first;
    }

    @Override
    public int eventClass(byte species, int signature, int site, int direction) {
        if (species != Species.METAL) {
            return NONE;
        }
        return listed(hopClass(signature, site, direction));
    }

    /** The catalogue class of a hop class of the rate model, or NONE. */
    private int listed(int hopClass) {
        return hopClass == NONE ? NONE : classBase + hopClass;
    }

    /** Every direction of a site at once, with no call through the interface per direction (the hottest loop). */
    @Override
    public void eventClasses(byte species, int signature, int site, int[] into, int from) {
        if (species != Species.METAL) {
            java.util.Arrays.fill(into, from, from + directions, NONE);
            return;
        }
        // the site's own cell tells which first-shell neighbours are empty sites of the deposit (no lookup needed)
        int empty = state.emptyNeighbours(site);
        for (int d = 0; d < state.coordination; d++) {
            into[from + d] = (empty & (1 << d)) == 0 ? NONE
                    : listed(hopClassInto(signature, site, d, lattice.neighbour(site, d)));
        }
        for (int d = state.coordination; d < directions; d++) {
            into[from + d] = listed(hopClass(signature, site, d));
        }
    }

    @Override
    public boolean execute(int site, int direction) {
        return move(site, direction);
    }

    @Override
    public boolean reachesBeyondFirstShell() {
        return true;
    }

    /** Hops into an empty neighbour of the changed site see its binding, which just changed. */
    @Override
    public void refreshThrough(int neighbour, int changed) {
        if (state.species(neighbour) != Species.EMPTY) {
            return;
        }
        int metal = state.metalNeighbours(neighbour);
        for (int d = 0; d < directions; d++) {
            int back = lattice.reverse(d);
            // a first-shell source that the empty site's cell does not mark as metal is none (no lookup needed)
            if (d < state.coordination && (metal & (1 << back)) == 0) {
                continue;
            }
            int source = lattice.neighbour(neighbour, back);
            if (state.inDepositLayers(source) && source != changed && state.species(source) == Species.METAL) {
                events.setEvent(source, firstEvent + d,
                        listed(hopClassInto(state.signature(source), source, d, neighbour)));
            }
        }
    }

    /** Second-shell hops into the changed site come from atoms that are not its first-shell neighbours. */
    @Override
    public void refreshReaching(int changed) {
        for (int d = state.coordination; d < directions; d++) {
            int source = lattice.neighbour(changed, lattice.reverse(d));
            if (state.inDepositLayers(source) && state.species(source) == Species.METAL) {
                events.setEvent(source, firstEvent + d, eventClass(Species.METAL, state.signature(source), source, d));
            }
        }
    }
}
