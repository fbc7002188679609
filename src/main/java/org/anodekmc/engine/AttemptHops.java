package org.anodekmc.engine;

import org.anodekmc.model.RateModel;
import org.anodekmc.model.Species;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Hops listed as one attempt per atom: for a law whose rate depends only on the mover (bond counting). The attempt's
 * rate bounds the sum over the atom's directions, as if every empty neighbour were a supported target
 * ({@link HopAttempts}); the direction is drawn when the attempt is picked, and an attempt into an occupied or
 * unsupported site is refused (a self-transition, so the dynamics stay exact). An atom's event then changes only when
 * its own neighbour count does, instead of whenever any site around its targets changes.
 */
final class AttemptHops extends Hops {
    private final HopAttempts attempts;
    private final UniformRandomProvider rng;
    private final int classBase;

    AttemptHops(LatticeState state, EventIndex events, RateModel rates, DeadMetal deadMetal, int directions,
                RateClasses classes, UniformRandomProvider rng) {
        super(state, events, rates, deadMetal, directions);
        this.rng = rng;
        attempts = new HopAttempts(rates, state.lattice, directions);
        int group = classes.newGroup();
        classBase = classes.size();
        for (int s = 0; s < rates.energetics().signatureCount(); s++) {
            classes.add(attempts.rate(s), group);
        }
    }

    @Override
    public int eventsPerSite() {
        return 1;
    }

    @Override
    public int eventClass(byte species, int signature, int site, int event) {
        return species == Species.METAL && attempts.rate(signature) > 0 ? classBase + signature : NONE;
    }

    @Override
    public boolean execute(int site, int event) {
        int signature = state.signature(site);
        int direction = attemptDirection(site, signature);
        if (direction == NONE || hopClass(signature, site, direction) == NONE) {
            return false;
        }
        return move(site, direction);
    }

    /**
     * The direction of a picked attempt, or NONE if the draw itself refuses it. The caller still checks that the
     * target is free and supported.
     */
    private int attemptDirection(int site, int signature) {
        double u = rng.nextDouble() * attempts.rate(signature);
        double firstShellPart = attempts.firstShellPart(signature);
        if (u >= firstShellPart) {
            return attempts.secondShellDirection(signature, u - firstShellPart);
        }
        double fastest = attempts.firstShellMax(signature);
        int k = (int) (u * attempts.inverseFirstShellMax(signature));
        double thinning = u - k * fastest;
        int free = state.emptyNeighbours(site);
        for (; k > 0 && free != 0; k--) {
            free &= free - 1;
        }
        if (free == 0) {
            return NONE; // the empty neighbour counted lies above the top of the box
        }
        int d = Integer.numberOfTrailingZeros(free);
        return thinning < attempts.firstShellRate(signature, d) ? d : NONE;
    }
}
