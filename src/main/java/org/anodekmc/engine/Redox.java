package org.anodekmc.engine;

import org.anodekmc.model.RateModel;
import org.anodekmc.model.SiteEnergetics;
import org.anodekmc.model.Species;

/**
 * Electron transfer, site by site (the kinetic supply mode): an ion is reduced at an empty site, and a live metal
 * atom is oxidized, each at its Butler–Volmer rate for the site's binding. One event per site, reduction or oxidation
 * by its species. It needs a metal or substrate neighbour, contact with the electrolyte and an electronic path.
 * Its events are counted as charge by the electrode ({@link Electrode}), not by a counter of its own.
 */
final class Redox implements Process {
    private static final int NONE = LatticeState.NONE;

    /** Where a transfer's charge goes: the electrochemical control and the charge counters. */
    interface Electrode {
        void transferred(int electrons);
    }

    private final LatticeState state;
    private final EventIndex events;
    private final RateModel rates;
    private final SiteEnergetics energetics;
    private final ElectrolyteReach reach;
    private final DeadMetal deadMetal;
    private final Electrode electrode;
    private final int reductionGroup;
    private final int oxidationGroup;
    private final int reductionBase;
    private final int oxidationBase;

    Redox(LatticeState state, EventIndex events, RateModel rates, ElectrolyteReach reach, DeadMetal deadMetal,
          Electrode electrode, RateClasses classes) {
        this.state = state;
        this.events = events;
        this.rates = rates;
        this.energetics = rates.energetics();
        this.reach = reach;
        this.deadMetal = deadMetal;
        this.electrode = electrode;
        int signatures = energetics.signatureCount();
        reductionGroup = classes.newGroup();
        oxidationGroup = classes.newGroup();
        reductionBase = classes.size();
        for (int s = 0; s < signatures; s++) {
            classes.add(rates.reductionBase(s), reductionGroup);
        }
        oxidationBase = classes.size();
        for (int s = 0; s < signatures; s++) {
            classes.add(rates.oxidationBase(s), oxidationGroup);
        }
    }

    @Override
    public int eventsPerSite() {
        return 1;
    }

    @Override
    public boolean emptySitesOwnEvents() {
        return true;
    }

    @Override
    public int eventClass(byte species, int signature, int site, int event) {
        int occupied = energetics.occupied(signature);
        return occupied > 0 && touchesElectrolyte(species, site, occupied) && electronPath(species, site)
                ? (species == Species.METAL ? oxidationBase : reductionBase) + signature : NONE;
    }

    @Override
    public boolean execute(int site, int event) {
        if (state.species(site) == Species.EMPTY) {
            reduce(site);
        } else {
            oxidize(site);
        }
        return true;
    }

    @Override
    public void atOverpotential(double eta) {
        events.setGroupFactor(reductionGroup, rates.reductionFactor(eta));
        events.setGroupFactor(oxidationGroup, rates.oxidationFactor(eta));
    }

    /** An ion is reduced at the empty site. */
    void reduce(int site) {
        state.setSpecies(site, Species.METAL);
        events.refreshAround(site, NONE);
        if (deadMetal != null) {
            deadMetal.reconnectAround(site);
        }
        electrode.transferred(+1);
    }

    /** The live atom at the site is oxidized; metal it alone held to the substrate dies. */
    void oxidize(int site) {
        state.setSpecies(site, Species.EMPTY);
        events.refreshAround(site, NONE);
        if (deadMetal != null) {
            deadMetal.cutOffAround(site);
        }
        electrode.transferred(-1);
    }

    /**
     * Whether the electrolyte reaches a site (empty) or one of its empty neighbours (metal). Both ask the same of
     * the state with the site filled: an empty site the electrolyte reaches has, once filled, an empty neighbour it
     * still reaches, and conversely, so each reduction is the exact reverse of an oxidation. The top layer (the top
     * two on hcp1120, whose first shell reaches two layers up) touches the electrolyte above the box.
     */
    private boolean touchesElectrolyte(byte species, int site, int occupied) {
        if (site >= state.openAboveStart) {
            return true;
        }
        if (reach.sealedSites() == 0) {
            return species == Species.EMPTY || occupied < state.coordination;
        }
        if (species == Species.EMPTY) {
            return !reach.sealed(site);
        }
        int free = state.firstShellBits & ~state.metalNeighbours(site)
                & ~state.intoSubstrate(site);
        for (; free != 0; free &= free - 1) {
            if (!reach.sealed(state.lattice.neighbour(site, Integer.numberOfTrailingZeros(free)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Live metal has its electronic path, dead metal has none; an empty site has one through the substrate (first
     * layer) or a live neighbour. Without dead metal every occupied neighbour is live, and nothing needs looking at.
     */
    private boolean electronPath(byte species, int site) {
        if (species != Species.EMPTY || state.deadAtoms == 0) {
            return species != Species.DEAD;
        }
        return site < state.contactEnd || state.livingNeighbour(site);
    }
}
