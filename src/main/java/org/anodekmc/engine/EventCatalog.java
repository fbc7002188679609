package org.anodekmc.engine;

import org.apache.commons.rng.UniformRandomProvider;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The n-fold-way (BKL) event catalogue. Every possible event belongs to a rate class; a class is an unordered set of
 * event ids with O(1) insert, remove and uniform pick (an array plus a position index). Classes belong to groups
 * (declared by the processes, {@link RateClasses}: e.g. hops, reductions, oxidations) whose rates share one factor
 * each, so a change of η costs O(1).
 *
 * <p>Events are owned by sites. A site that has at least one event holds a slot: a bucket of an open-addressing hash
 * table (linear probing) keyed by the site, whose entry holds the site, how many events it owns, and each event's
 * class and position in its class. Finding a site's events and updating them therefore reads one entry, and the
 * bucket is the site number itself (modulo the power-of-two capacity): the sites around an event have nearby numbers
 * ({@code Lattice}), so one event's lookups share cache lines, and memory grows with the number of surface sites, not
 * with the box. Event id = slot·2^shift + k, with 2^shift the smallest power of two not below the events per site, so
 * that an id splits into slot and k by a shift and a mask. An entry that moves (when a removal closes the gap in its
 * probe run, or the table is resized) renames its events in their classes: the classes keep their order, so what a
 * random number picks does not depend on where entries sit.
 */
final class EventCatalog {
    private static final int NONE = -1;
    /** Exact recomputation of the group sums after this many changes bounds floating-point drift. */
    private static final int RESUM_INTERVAL = 1 << 16;

    private final int eventsPerSite;
    private final int eventShift;
    private final double[] classRate;
    private final byte[] classGroup;
    private final int[][] members;
    private final int[] memberCount;
    private final int[][] activeClasses;
    private final int[] activeCount;
    private final int[] activePosition;
    private final int groups;
    private final double[] groupSum;
    private final double[] groupFactor;
    private int changesSinceResum;

    /** Entry layout: [site, events owned, class of each event, position of each event in its class]. */
    private static final int SITE = 0;
    private static final int OWNED = 1;
    private static final int CLASSES = 2;
    private static final int FREE = -1;
    private static final int MIN_CAPACITY = 1 << 10;
    /** Where an entry's positions start. */
    private final int positions;
    /** An entry is 2^strideShift ints. */
    private final int strideShift;
    private int[] table;
    private int mask;
    private int size;
    /** The bands of a run on several threads, or null: a band's sites are spread over the box, its numbers are not. */
    private final Sectors sectors;

    /**
     * @param classRate  base rate of each class, 1/s
     * @param classGroup group of each class, 0..groups-1
     */
    EventCatalog(int eventsPerSite, double[] classRate, byte[] classGroup, int groups) {
        this(eventsPerSite, classRate, classGroup, groups, null);
    }

    /** With {@code sectors} set, the catalogue of one band: its sites are numbered within the band for their buckets. */
    EventCatalog(int eventsPerSite, double[] classRate, byte[] classGroup, int groups, Sectors sectors) {
        this.sectors = sectors;
        this.eventsPerSite = eventsPerSite;
        eventShift = 32 - Integer.numberOfLeadingZeros(Math.max(eventsPerSite, 1) - 1);
        this.classRate = classRate.clone();
        this.classGroup = classGroup.clone();
        int classes = classRate.length;
        members = new int[classes][16];
        memberCount = new int[classes];
        this.groups = groups;
        groupSum = new double[groups];
        groupFactor = new double[groups];
        Arrays.fill(groupFactor, 1);
        activeClasses = new int[groups][classes];
        activeCount = new int[groups];
        activePosition = new int[classes];
        positions = CLASSES + eventsPerSite;
        strideShift = strideShift(eventsPerSite);
        allocate(MIN_CAPACITY);
    }

    /** An entry holds its site, the events it owns, and each event's class and position: 2^strideShift ints. */
    static int strideShift(int eventsPerSite) {
        return 32 - Integer.numberOfLeadingZeros(CLASSES + 2 * eventsPerSite - 1);
    }

    private void allocate(int capacity) {
        if ((long) capacity << Math.max(eventShift, strideShift) > Integer.MAX_VALUE) {
            throw new IllegalStateException("event catalogue: " + size + " sites with events are more than its table "
                    + "holds (at most 2^31 table entries); use a smaller box");
        }
        table = new int[capacity << strideShift];
        for (int b = 0; b < capacity; b++) {
            table[b << strideShift] = FREE;
        }
        mask = capacity - 1;
        size = 0;
    }

    /** The bucket a site's entry would rather sit in. */
    private int home(int site) {
        return (sectors == null ? site : sectors.withinBand(site)) & mask;
    }

    int slotOfEvent(int event) {
        return event >>> eventShift;
    }

    /** Which of its slot's events an event is, 0..eventsPerSite-1. */
    int kindOfEvent(int event) {
        return event & ((1 << eventShift) - 1);
    }

    /** Slot of a site, or -1 if the site has no events. */
    int slotOf(int site) {
        int[] t = table;
        for (int b = home(site); ; b = (b + 1) & mask) {
            int key = t[b << strideShift];
            if (key == site) {
                return b;
            }
            if (key == FREE) {
                return NONE;
            }
        }
    }

    int siteOfSlot(int slot) {
        return table[slot << strideShift];
    }

    /** A slot for a site that has none yet (it may move the slots of other sites). */
    int openSlot(int site) {
        if (2 * (size + 1) > mask + 1) {
            resize(2 * (mask + 1));
        }
        int b = home(site);
        while (table[b << strideShift] != FREE) {
            b = (b + 1) & mask;
        }
        int base = b << strideShift;
        table[base + SITE] = site;
        table[base + OWNED] = 0;
        Arrays.fill(table, base + CLASSES, base + positions, NONE);
        size++;
        return b;
    }

    /**
     * Gives the slot back if none of its events is left. Later entries of its probe run move up so that lookups stay
     * correct, so the slots of other sites may change.
     */
    void closeSlotIfIdle(int slot) {
        if (table[(slot << strideShift) + OWNED] != 0) {
            return;
        }
        int hole = slot;
        for (int next = (hole + 1) & mask; table[next << strideShift] != FREE; next = (next + 1) & mask) {
            int home = home(table[next << strideShift]);
            // the entry at next may fill the hole if its home bucket does not lie cyclically in (hole, next]
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                moveEntry(table, next, table, hole);
                hole = next;
            }
        }
        table[hole << strideShift] = FREE;
        size--;
        if (mask + 1 > MIN_CAPACITY && 8 * size < mask + 1) {
            resize((mask + 1) / 2);
        }
    }

    /** Copies an entry to another bucket and renames its events in their classes. */
    private void moveEntry(int[] from, int fromSlot, int[] to, int toSlot) {
        int base = toSlot << strideShift;
        System.arraycopy(from, fromSlot << strideShift, to, base, 1 << strideShift);
        for (int k = 0; k < eventsPerSite; k++) {
            int cls = to[base + CLASSES + k];
            if (cls != NONE) {
                members[cls][to[base + positions + k]] = (toSlot << eventShift) + k;
            }
        }
    }

    private void resize(int capacity) {
        int[] old = table;
        int oldCapacity = mask + 1;
        int entries = size;
        allocate(capacity);
        for (int b = 0; b < oldCapacity; b++) {
            int site = old[b << strideShift];
            if (site != FREE) {
                int to = home(site);
                while (table[to << strideShift] != FREE) {
                    to = (to + 1) & mask;
                }
                moveEntry(old, b, table, to);
            }
        }
        size = entries;
    }

    /** Puts event k of a slot into class {@code cls} (or removes it, cls = -1). */
    void setClass(int slot, int k, int cls) {
        int base = slot << strideShift;
        int old = table[base + CLASSES + k];
        if (old == cls) {
            return;
        }
        if (old != NONE) {
            removeMember(old, table[base + positions + k]);
            table[base + OWNED]--;
        }
        if (cls != NONE) {
            table[base + positions + k] = addMember(cls, (slot << eventShift) + k);
            table[base + OWNED]++;
        }
        table[base + CLASSES + k] = cls;
    }

    int classOf(int slot, int k) {
        return table[(slot << strideShift) + CLASSES + k];
    }

    /** Adds an event to a class; returns its position there. */
    private int addMember(int cls, int event) {
        int n = memberCount[cls];
        int[] list = members[cls];
        if (n == list.length) {
            list = members[cls] = Arrays.copyOf(list, n * 2);
        }
        list[n] = event;
        memberCount[cls] = n + 1;
        if (n == 0) {
            int g = classGroup[cls];
            activePosition[cls] = activeCount[g];
            activeClasses[g][activeCount[g]++] = cls;
        }
        groupSum[classGroup[cls]] += classRate[cls];
        countChange();
        return n;
    }

    /** Removes the event at a position of a class; the class's last event takes its place. */
    private void removeMember(int cls, int pos) {
        int last = --memberCount[cls];
        int[] list = members[cls];
        int moved = list[last];
        list[pos] = moved;
        table[(slotOfEvent(moved) << strideShift) + positions + kindOfEvent(moved)] = pos;
        if (last == 0) {
            int group = classGroup[cls];
            int p = activePosition[cls];
            int tail = activeClasses[group][--activeCount[group]];
            activeClasses[group][p] = tail;
            activePosition[tail] = p;
        }
        int g = classGroup[cls];
        groupSum[g] = activeCount[g] == 0 ? 0 : groupSum[g] - classRate[cls];
        countChange();
    }

    private void countChange() {
        if (++changesSinceResum >= RESUM_INTERVAL) {
            resum();
        }
    }

    /** Recomputes the group sums exactly from the class counts. */
    private void resum() {
        changesSinceResum = 0;
        for (int g = 0; g < groups; g++) {
            double sum = 0;
            for (int i = 0; i < activeCount[g]; i++) {
                int c = activeClasses[g][i];
                sum += memberCount[c] * classRate[c];
            }
            groupSum[g] = sum;
        }
    }

    /** Events in a class now. */
    int members(int cls) {
        return memberCount[cls];
    }

    /** Gives classes new rates (rate scaling), then recomputes the group sums exactly. */
    void setClassRates(int[] classes, double[] rates) {
        for (int i = 0; i < classes.length; i++) {
            classRate[classes[i]] = rates[i];
        }
        resum();
    }

    void setGroupFactor(int group, double factor) {
        groupFactor[group] = factor;
    }

    /** Total rate of all events, 1/s. */
    double totalRate() {
        double total = 0;
        for (int g = 0; g < groups; g++) {
            total += groupSum[g] * groupFactor[g];
        }
        return total;
    }

    /**
     * Picks an event with probability proportional to its rate.
     *
     * @param target uniform in [0, totalRate())
     */
    int select(double target, UniformRandomProvider rng) {
        int g = 0;
        double scaled = target;
        while (g < groups - 1 && scaled >= groupSum[g] * groupFactor[g]) {
            scaled -= groupSum[g] * groupFactor[g];
            g++;
        }
        // skip groups that are empty (possible only through rounding at the upper end)
        while (activeCount[g] == 0) {
            g = (g + groups - 1) % groups;
        }
        double factor = groupFactor[g];
        int[] active = activeClasses[g];
        int n = activeCount[g];
        int cls = active[n - 1];
        double acc = 0;
        for (int i = 0; i < n; i++) {
            int c = active[i];
            acc += memberCount[c] * classRate[c];
            if (scaled < acc * factor) {
                cls = c;
                break;
            }
        }
        return members[cls][rng.nextInt(memberCount[cls])];
    }

    /** Sites that currently own at least one event. */
    int activeSites() {
        return size;
    }

    /** Bytes held by the catalogue's arrays and maps (estimate, for memory reports). */
    long memoryBytes() {
        long bytes = 4L * table.length;
        for (int[] m : members) {
            bytes += m.length * 4L;
        }
        return bytes;
    }

    /**
     * Writes the catalogue as it is, member order included: which event sits at which position of a class decides
     * what a random number picks, and the group sums carry their rounding until the next exact resum; the class rates
     * are written as rate scaling left them. Members are written as (site, k): slots depend on the table's history,
     * not on the state.
     */
    void writeState(DataOutput out) throws IOException {
        out.writeInt(eventsPerSite);
        out.writeInt(classRate.length);
        for (int c = 0; c < classRate.length; c++) {
            int n = memberCount[c];
            int[] sites = new int[n];
            byte[] kinds = new byte[n];
            for (int i = 0; i < n; i++) {
                sites[i] = siteOfSlot(slotOfEvent(members[c][i]));
                kinds[i] = (byte) kindOfEvent(members[c][i]);
            }
            StateData.writeInts(out, sites, n);
            StateData.writeBytes(out, kinds, n);
        }
        for (int g = 0; g < groups; g++) {
            StateData.writeInts(out, activeClasses[g], activeCount[g]);
        }
        StateData.writeInts(out, activePosition, activePosition.length);
        StateData.writeDoubles(out, groupSum);
        StateData.writeDoubles(out, groupFactor);
        StateData.writeDoubles(out, classRate);
        out.writeInt(changesSinceResum);
    }

    /** Replaces the catalogue by one written by {@link #writeState} for a box of {@code sites} sites. */
    void readState(DataInput in, int sites) throws IOException {
        StateData.expect(in.readInt(), eventsPerSite, "events per site");
        int classes = classRate.length;
        StateData.expect(in.readInt(), classes, "rate classes");
        allocate(MIN_CAPACITY);
        for (int c = 0; c < classes; c++) {
            int[] memberSites = StateData.readInts(in, Integer.MAX_VALUE, "class members");
            byte[] kinds = StateData.readBytes(in, memberSites.length, "class member events");
            StateData.expect(kinds.length, memberSites.length, "class member events");
            members[c] = new int[Math.max(16, memberSites.length)];
            memberCount[c] = memberSites.length;
            for (int i = 0; i < memberSites.length; i++) {
                int site = StateData.checkRange(memberSites[i], sites - 1, "site of an event");
                int k = StateData.checkRange(kinds[i], eventsPerSite - 1, "event of a site");
                int slot = slotOf(site);
                if (slot == NONE) {
                    slot = openSlot(site);
                }
                int base = slot << strideShift;
                if (table[base + CLASSES + k] != NONE) {
                    throw new IOException("event " + k + " of site " + site + " is listed twice");
                }
                table[base + CLASSES + k] = c;
                table[base + positions + k] = i;
                table[base + OWNED]++;
                members[c][i] = (slot << eventShift) + k;
            }
        }
        for (int g = 0; g < groups; g++) {
            int[] active = StateData.readInts(in, classes, "active classes");
            activeCount[g] = active.length;
            System.arraycopy(active, 0, activeClasses[g], 0, active.length);
        }
        StateData.readIntsInto(in, activePosition, "active positions");
        StateData.readDoublesInto(in, groupSum, "group sums");
        StateData.readDoublesInto(in, groupFactor, "group factors");
        StateData.readDoublesInto(in, classRate, "class rates");
        changesSinceResum = in.readInt();
    }
}
