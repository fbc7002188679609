package org.anodekmc.engine;

import it.unimi.dsi.fastutil.ints.IntArrayList;
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
 *
 * <p>On several threads ({@link Sectors}) each band of the box has a catalogue of its own. The index of the whole box
 * holds them all; a thread's index holds its two bands' and defers the sites of other bands whose events changed
 * (at the edges of its band), which the index of the whole box recomputes between phases.
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
    /** The bands of a run on several threads, or null on one thread (one catalogue holds the whole box). */
    private final Sectors sectors;
    /** Each band's catalogue; null for the bands of other threads. */
    private EventCatalog[] catalogs;
    /** The catalogue events are picked from. */
    private EventCatalog active;
    /** Sites of other threads' bands whose events may have changed, in the order they were met. */
    private final IntArrayList deferred = new IntArrayList();
    private final long[] counts = new long[Processes.COUNTERS.size()];
    /** Rate scaling's count of the carried-out events of each class (this thread's); null without it. */
    private RateScaling.Tally scaling;

    /** The index of a run on one thread. */
    EventIndex(LatticeState state) {
        this(state, null);
    }

    /** The index of the whole box of a run on several threads, or (see {@link #shareBandsOf}) of one thread's bands. */
    EventIndex(LatticeState state, Sectors sectors) {
        this.state = state;
        this.lattice = state.lattice;
        this.sectors = sectors;
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
        catalogs = new EventCatalog[sectors == null ? 1 : sectors.bands()];
        for (int b = 0; b < catalogs.length; b++) {
            catalogs[b] = new EventCatalog(total, classes.rates(), classes.groupOfClass(), classes.groups(), sectors);
        }
        active = catalogs[0];
    }

    /** Makes this (registered) index keep the catalogues of a thread's two bands, those of the whole box's index. */
    void shareBandsOf(EventIndex whole, int thread) {
        java.util.Arrays.fill(catalogs, null);
        catalogs[2 * thread] = whole.catalogs[2 * thread];
        catalogs[2 * thread + 1] = whole.catalogs[2 * thread + 1];
    }

    /** Picks events from this band's catalogue from now on. */
    void activate(int band) {
        active = catalogs[band];
    }

    /** The catalogue that holds a site's events, or null if another thread's index keeps it. */
    private EventCatalog catalogOf(int site) {
        return sectors == null ? active : catalogs[sectors.band(site)];
    }

    /** Total rate of the events that can be picked (the active band's), 1/s. */
    double totalRate() {
        return active.totalRate();
    }

    /** Total rate of the events of every band this index holds, 1/s. */
    double totalRateOfAll() {
        double total = 0;
        for (EventCatalog c : catalogs) {
            total += c == null ? 0 : c.totalRate();
        }
        return total;
    }

    /** Lets rate scaling count the events this index carries out (null: no counting). */
    void countIn(RateScaling.Tally tally) {
        scaling = tally;
    }

    /** Events in a class now, in every catalogue this index holds. */
    long members(int cls) {
        long n = 0;
        for (EventCatalog c : catalogs) {
            n += c == null ? 0 : c.members(cls);
        }
        return n;
    }

    /** Gives classes new rates in every catalogue this index holds. */
    void setClassRates(int[] classes, double[] rates) {
        for (EventCatalog c : catalogs) {
            if (c != null) {
                c.setClassRates(classes, rates);
            }
        }
    }

    /** Sets the factor of a rate group in every catalogue this index holds. */
    void setGroupFactor(int group, double factor) {
        for (EventCatalog c : catalogs) {
            if (c != null) {
                c.setGroupFactor(group, factor);
            }
        }
    }

    /** Sites that own events, in the catalogues this index holds. */
    int activeSites() {
        int sites = 0;
        for (EventCatalog c : catalogs) {
            sites += c == null ? 0 : c.activeSites();
        }
        return sites;
    }

    /** Bytes held by the catalogues this index holds (estimate). */
    long memoryBytes() {
        long bytes = 0;
        for (EventCatalog c : catalogs) {
            bytes += c == null ? 0 : c.memoryBytes();
        }
        return bytes;
    }

    /**
     * Takes over what a thread's index did in a phase: adds its event counts to this one's and recomputes the events
     * of the sites it deferred (this index holds every band).
     */
    void absorb(EventIndex thread) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += thread.counts[i];
            thread.counts[i] = 0;
        }
        IntArrayList sites = thread.deferred;
        for (int i = 0; i < sites.size(); i++) {
            refreshSite(sites.getInt(i));
        }
        sites.clear();
    }

    /**
     * Picks an event in proportion to its rate ({@code target} uniform in [0, total rate)) and carries it out; false
     * if its process refused it.
     */
    boolean executeAt(double target, UniformRandomProvider rng) {
        EventCatalog catalog = active;
        int event = catalog.select(target, rng);
        int k = catalog.kindOfEvent(event);
        int slot = catalog.slotOfEvent(event);
        int site = catalog.siteOfSlot(slot);
        // the class before the event changes it
        int cls = scaling == null ? NONE : catalog.classOf(slot, k);
        if (!ownerOf[k].execute(site, localEvent[k])) {
            return false;
        }
        if (scaling != null) {
            scaling.executed(cls);
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
        EventCatalog catalog = catalogOf(site);
        if (catalog == null) {
            deferred.add(site);
            return;
        }
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
        EventCatalog catalog = catalogOf(site);
        if (catalog == null) {
            deferred.add(site);
            return;
        }
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
                int slot = catalogOf(site).slotOf(site);
                byte sp = state.species(site);
                int signature = state.signature(site);
                for (int k = 0; k < ownerOf.length; k++) {
                    int expected = ownerOf[k].eventClass(sp, signature, site, localEvent[k]);
                    int actual = slot == NONE ? NONE : catalogOf(site).classOf(slot, k);
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
        for (EventCatalog c : catalogs) {
            c.writeState(out);
        }
    }

    void readState(DataInput in, int sites) throws IOException {
        StateData.readLongsInto(in, counts, "event counters");
        for (EventCatalog c : catalogs) {
            c.readState(in, sites);
        }
    }
}
