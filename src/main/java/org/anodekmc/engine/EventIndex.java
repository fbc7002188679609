package org.anodekmc.engine;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.apache.commons.rng.UniformRandomProvider;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * The event catalogue kept in step with the deposit. A site's events are those of every process, laid out one
 * process after another in the order the processes were registered; when a site changes, only the events whose
 * rates can have changed are recomputed: those of the site, of its first-shell neighbours (whose binding changed),
 * and those that processes reaching further declare ({@link Process#reachesBeyondFirstShell}).
 */
final class EventIndex {
    private static final int NONE = LatticeState.NONE;

    private final LatticeState state;
    private final Lattice lattice;
    private Process[] processes;
    /** For each event number of a site: the process that owns it, and the event's number within that process. */
    private Process[] ownerOf;
    private int[] localEvent;
    /** For each event number of a site: the counter its execution counts in ({@link Processes#COUNTERS}), or NONE. */
    private int[] counterOf;
    private Process[] reachingFurther;
    private boolean emptySitesOwnEvents;
    /** Whether a change looks at its empty neighbours (they own events, or events reach through them). */
    private boolean visitsEmptyNeighbours;
    private int[] scratchClasses;
    private EventCatalog catalog;
    private final long[] counts = new long[Processes.COUNTERS.size()];

    EventIndex(LatticeState state) {
        this.state = state;
        this.lattice = state.lattice;
    }

    /** Takes the processes (built with this index) and the classes they declared; no event is listed yet. */
    void register(List<Process> registered, RateClasses classes) {
        processes = registered.toArray(new Process[0]);
        int total = 0;
        for (Process p : processes) {
            total += p.eventsPerSite();
        }
        ownerOf = new Process[total];
        localEvent = new int[total];
        counterOf = new int[total];
        int k = 0;
        java.util.ArrayList<Process> further = new java.util.ArrayList<>();
        for (Process p : processes) {
            int counter = p.counter() == null ? NONE : Processes.COUNTERS.indexOf(p.counter());
            if (p.counter() != null && counter < 0) {
                throw new IllegalStateException("counter " + p.counter() + " is not listed in Processes.COUNTERS");
            }
            p.placedAt(k);
            for (int j = 0; j < p.eventsPerSite(); j++, k++) {
                ownerOf[k] = p;
                localEvent[k] = j;
                counterOf[k] = counter;
            }
            emptySitesOwnEvents |= p.emptySitesOwnEvents();
            if (p.reachesBeyondFirstShell()) {
                further.add(p);
            }
        }
        reachingFurther = further.toArray(new Process[0]);
        visitsEmptyNeighbours = emptySitesOwnEvents || reachingFurther.length > 0;
        scratchClasses = new int[total];
        catalog = new EventCatalog(total, classes.rates(), classes.groupOfClass(), classes.groups());
    }

    EventCatalog catalog() {
        return catalog;
    }

    /**
     * Picks an event in proportion to its rate ({@code target} uniform in [0, total rate)) and carries it out; false
     * if its process refused it.
     */
    boolean executeAt(double target, UniformRandomProvider rng) {
        int event = catalog.select(target, rng);
        int k = catalog.kindOfEvent(event);
        int site = catalog.siteOfSlot(catalog.slotOfEvent(event));
        if (!ownerOf[k].execute(site, localEvent[k])) {
            return false;
        }
        if (counterOf[k] != NONE) {
            counts[counterOf[k]]++;
        }
        return true;
    }

    /** Sets the factors of the processes' rate groups at this overpotential. */
    void atOverpotential(double eta) {
        for (Process p : processes) {
            p.atOverpotential(eta);
        }
    }

    /** Carried-out events per counter of {@link Processes#COUNTERS}. */
    long count(int counter) {
        return counts[counter];
    }

    /**
     * Recomputes every event whose rate depends on the state of {@code site}. If {@code refreshed} is a neighbour
     * whose own events (and this site's) are already up to date, both are skipped.
     */
    void refreshAround(int site, int refreshed) {
        refreshAround(site, refreshed, 0);
    }

    /**
     * {@link #refreshAround(int, int)}, skipping the neighbours in the first-shell directions {@code upToDate}, whose
     * events and those through them are already up to date (refreshed around the other end of a hop).
     */
    void refreshAround(int site, int refreshed, int upToDate) {
        if (refreshed == NONE) {
            refreshSite(site);
        }
        // when no empty site owns events and no event reaches through one, only metal neighbours can change
        int directions = (visitsEmptyNeighbours ? state.firstShellBits : state.metalNeighbours(site)) & ~upToDate;
        for (int rest = directions; rest != 0; rest &= rest - 1) {
            int n = lattice.neighbour(site, Integer.numberOfTrailingZeros(rest));
            if (!state.inDepositLayers(n)) {
                continue;
            }
            // an empty neighbour owns events only if some process gives empty sites events
            if (n != refreshed && (emptySitesOwnEvents || state.species(n) != Species.EMPTY)) {
                refreshSite(n);
            }
            for (Process p : reachingFurther) {
                p.refreshThrough(n, site);
            }
        }
        for (Process p : reachingFurther) {
            p.refreshReaching(site);
        }
    }

    /** Puts event k (numbered among all of a site's events, see {@link Process#placedAt}) into a class, or removes it (NONE). */
    void setEvent(int site, int k, int cls) {
        int slot = catalog.slotOf(site);
        if (slot == NONE) {
            if (cls == NONE) {
                return;
            }
            slot = catalog.openSlot(site);
        }
        catalog.setClass(slot, k, cls);
        catalog.closeSlotIfIdle(slot);
    }

    /** Recomputes all events owned by a site. */
    void refreshSite(int site) {
        byte sp = state.species(site);
        int[] classes = scratchClasses;
        boolean any = false;
        int signature = state.signature(site);
        for (int i = 0, k = 0; i < processes.length; k += processes[i++].eventsPerSite()) {
            processes[i].eventClasses(sp, signature, site, classes, k);
        }
        for (int cls : classes) {
            any |= cls != NONE;
        }
        int slot = catalog.slotOf(site);
        if (slot == NONE) {
            if (!any) {
                return;
            }
            slot = catalog.openSlot(site);
        }
        for (int k = 0; k < classes.length; k++) {
            catalog.setClass(slot, k, classes[k]);
        }
        catalog.closeSlotIfIdle(slot);
    }

    /**
     * Recomputes every event of every site from scratch and compares it with the catalogue: a description of the
     * first difference, or null. For tests: O(sites).
     */
    String mismatch() {
        for (int c = 0; c < state.columns; c++) {
            for (int z = state.surfaceZ; z <= state.topZ; z++) {
                int site = lattice.site(c, z);
                int slot = catalog.slotOf(site);
                byte sp = state.species(site);
                int signature = state.signature(site);
                for (int k = 0; k < ownerOf.length; k++) {
                    int expected = ownerOf[k].eventClass(sp, signature, site, localEvent[k]);
                    int actual = slot == NONE ? NONE : catalog.classOf(slot, k);
                    if (expected != actual) {
                        return "site (column " + c + ", z " + z + ") event " + k + ": catalogue has class " + actual
                                + ", a fresh computation gives " + expected;
                    }
                }
            }
        }
        return null;
    }

    void writeState(DataOutput out) throws IOException {
        StateData.writeLongs(out, counts);
        catalog.writeState(out);
    }

    void readState(DataInput in, int sites) throws IOException {
        StateData.readLongsInto(in, counts, "event counters");
        catalog.readState(in, sites);
    }
}
