package org.anodekmc.engine;

import org.apache.commons.rng.UniformRandomProvider;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The n-fold-way (BKL) event catalogue. Every possible event belongs to a rate class; a class is an unordered set of
 * event ids with O(1) insert, remove and uniform pick (an array plus a position index). Classes belong to groups
 * (hops, reductions, oxidations) whose rates share one factor each, so a change of η costs O(1).
 *
 * <p>Events are owned by sites. A site that has at least one event holds a slot; event id = slot·2^shift + k, with
 * 2^shift the smallest power of two not below the events per site, so that an id splits into slot and k by a shift
 * and a mask instead of a division.
 * Sites map to slots through a {@link SiteSlotIndex}, so memory grows with the number of surface sites, not with the
 * box.
 */
final class EventCatalog {
    static final int GROUPS = 3;
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
    private final double[] groupSum = new double[GROUPS];
    private final double[] groupFactor = {1, 1, 1};
    private int changesSinceResum;

    private final SiteSlotIndex slotOfSite = new SiteSlotIndex();
    private int activeSites;
    private int[] slotSite = new int[0];
    private byte[] slotEvents = new byte[0];
    private int[] freeSlots = new int[0];
    private int freeCount;
    private int slotCount;
    private short[] eventClass = new short[0];
    private int[] eventPosition = new int[0];

    /**
     * @param classRate  base rate of each class, 1/s
     * @param classGroup group of each class, 0..GROUPS-1
     */
    EventCatalog(int eventsPerSite, double[] classRate, byte[] classGroup) {
        this.eventsPerSite = eventsPerSite;
        eventShift = 32 - Integer.numberOfLeadingZeros(eventsPerSite - 1);
        this.classRate = classRate.clone();
        this.classGroup = classGroup.clone();
        int classes = classRate.length;
        members = new int[classes][16];
        memberCount = new int[classes];
        activeClasses = new int[GROUPS][classes];
        activeCount = new int[GROUPS];
        activePosition = new int[classes];
        ensureSlots(1024);
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
        return slotOfSite.get(site);
    }

    int siteOfSlot(int slot) {
        return slotSite[slot];
    }

    /** A slot for a site that has none yet. */
    int openSlot(int site) {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotCount == slotSite.length) {
                ensureSlots(slotCount * 2);
            }
            slot = slotCount++;
        }
        slotSite[slot] = site;
        slotOfSite.put(site, slot);
        activeSites++;
        return slot;
    }

    /** Gives the slot back if none of its events is left. */
    void closeSlotIfIdle(int slot) {
        if (slotEvents[slot] == 0) {
            slotOfSite.remove(slotSite[slot]);
            activeSites--;
            if (freeCount == freeSlots.length) {
                freeSlots = Arrays.copyOf(freeSlots, Math.max(16, freeCount * 2));
            }
            freeSlots[freeCount++] = slot;
        }
    }

    /** Puts event k of a slot into class {@code cls} (or removes it, cls = -1). */
    void setClass(int slot, int k, int cls) {
        int event = (slot << eventShift) + k;
        int old = eventClass[event];
        if (old == cls) {
            return;
        }
        if (old != NONE) {
            removeMember(old, event);
            slotEvents[slot]--;
        }
        if (cls != NONE) {
            addMember(cls, event);
            slotEvents[slot]++;
        }
        eventClass[event] = (short) cls;
    }

    int classOf(int slot, int k) {
        return eventClass[(slot << eventShift) + k];
    }

    private void addMember(int cls, int event) {
        int n = memberCount[cls];
        int[] list = members[cls];
        if (n == list.length) {
            list = members[cls] = Arrays.copyOf(list, n * 2);
        }
        list[n] = event;
        eventPosition[event] = n;
        memberCount[cls] = n + 1;
        if (n == 0) {
            int g = classGroup[cls];
            activePosition[cls] = activeCount[g];
            activeClasses[g][activeCount[g]++] = cls;
        }
        groupSum[classGroup[cls]] += classRate[cls];
        countChange();
    }

    private void removeMember(int cls, int event) {
        int last = --memberCount[cls];
        int[] list = members[cls];
        int pos = eventPosition[event];
        int moved = list[last];
        list[pos] = moved;
        eventPosition[moved] = pos;
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
        for (int g = 0; g < GROUPS; g++) {
            double sum = 0;
            for (int i = 0; i < activeCount[g]; i++) {
                int c = activeClasses[g][i];
                sum += memberCount[c] * classRate[c];
            }
            groupSum[g] = sum;
        }
    }

    void setGroupFactor(int group, double factor) {
        groupFactor[group] = factor;
    }

    /** Total rate of all events, 1/s. */
    double totalRate() {
        return groupSum[0] * groupFactor[0] + groupSum[1] * groupFactor[1] + groupSum[2] * groupFactor[2];
    }

    /**
     * Picks an event with probability proportional to its rate.
     *
     * @param target uniform in [0, totalRate())
     */
    int select(double target, UniformRandomProvider rng) {
        int g = 0;
        double scaled = target;
        while (g < GROUPS - 1 && scaled >= groupSum[g] * groupFactor[g]) {
            scaled -= groupSum[g] * groupFactor[g];
            g++;
        }
        // skip groups that are empty (possible only through rounding at the upper end)
        while (activeCount[g] == 0) {
            g = (g + GROUPS - 1) % GROUPS;
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
        return activeSites;
    }

    /** Bytes held by the catalogue's arrays and maps (estimate, for memory reports). */
    long memoryBytes() {
        long bytes = (long) slotSite.length * (4 + 1) + (long) eventClass.length * (2 + 4) + freeSlots.length * 4L;
        for (int[] m : members) {
            bytes += m.length * 4L;
        }
        return bytes + slotOfSite.memoryBytes();
    }

    /**
     * Writes the catalogue as it is, member order included: which event sits at which position of a class decides
     * what a random number picks, and the group sums carry their rounding until the next exact resum.
     */
    void writeState(DataOutput out) throws IOException {
        out.writeInt(eventsPerSite);
        out.writeInt(classRate.length);
        for (int c = 0; c < classRate.length; c++) {
            StateData.writeInts(out, members[c], memberCount[c]);
        }
        for (int g = 0; g < GROUPS; g++) {
            StateData.writeInts(out, activeClasses[g], activeCount[g]);
        }
        StateData.writeInts(out, activePosition, activePosition.length);
        StateData.writeDoubles(out, groupSum);
        StateData.writeDoubles(out, groupFactor);
        out.writeInt(changesSinceResum);
        out.writeInt(activeSites);
        StateData.writeInts(out, slotSite, slotCount);
        StateData.writeBytes(out, slotEvents, slotCount);
        StateData.writeInts(out, freeSlots, freeCount);
        StateData.writeShorts(out, eventClass, slotCount << eventShift);
        StateData.writeInts(out, eventPosition, slotCount << eventShift);
    }

    /** Replaces the catalogue by one written by {@link #writeState} for a box of {@code sites} sites. */
    void readState(DataInput in, int sites) throws IOException {
        StateData.expect(in.readInt(), eventsPerSite, "events per site");
        int classes = classRate.length;
        StateData.expect(in.readInt(), classes, "rate classes");
        for (int c = 0; c < classes; c++) {
            int[] list = StateData.readInts(in, Integer.MAX_VALUE, "class members");
            memberCount[c] = list.length;
            members[c] = Arrays.copyOf(list, Math.max(16, list.length));
        }
        for (int g = 0; g < GROUPS; g++) {
            int[] active = StateData.readInts(in, classes, "active classes");
            activeCount[g] = active.length;
            System.arraycopy(active, 0, activeClasses[g], 0, active.length);
        }
        StateData.readIntsInto(in, activePosition, "active positions");
        StateData.readDoublesInto(in, groupSum, "group sums");
        StateData.readDoublesInto(in, groupFactor, "group factors");
        changesSinceResum = in.readInt();
        activeSites = in.readInt();
        int[] storedSlotSites = StateData.readInts(in, Integer.MAX_VALUE >> eventShift, "slots");
        slotCount = storedSlotSites.length;
        byte[] storedSlotEvents = StateData.readBytes(in, slotCount, "slot event counts");
        int[] free = StateData.readInts(in, slotCount, "free slots");
        int events = slotCount << eventShift;
        short[] storedClasses = StateData.readShorts(in, events, "event classes");
        int[] storedPositions = StateData.readInts(in, events, "event positions");
        StateData.expect(storedSlotEvents.length, slotCount, "slot event counts");
        StateData.expect(storedClasses.length, events, "event classes");
        StateData.expect(storedPositions.length, events, "event positions");

        int capacity = Math.max(1024, slotCount);
        slotSite = Arrays.copyOf(storedSlotSites, capacity);
        slotEvents = Arrays.copyOf(storedSlotEvents, capacity);
        eventClass = Arrays.copyOf(storedClasses, capacity << eventShift);
        Arrays.fill(eventClass, events, eventClass.length, (short) NONE);
        eventPosition = Arrays.copyOf(storedPositions, capacity << eventShift);
        freeCount = free.length;
        freeSlots = Arrays.copyOf(free, Math.max(16, freeCount));
        rebuildSlotIndex(sites);
    }

    /** The site-to-slot index follows from the slots in use; a free slot still names its last site. */
    private void rebuildSlotIndex(int sites) throws IOException {
        boolean[] isFree = new boolean[slotCount];
        for (int i = 0; i < freeCount; i++) {
            isFree[StateData.checkRange(freeSlots[i], slotCount - 1, "free slot")] = true;
        }
        slotOfSite.clear();
        int used = 0;
        for (int slot = 0; slot < slotCount; slot++) {
            if (!isFree[slot]) {
                int site = StateData.checkRange(slotSite[slot], sites - 1, "site of a slot");
                slotOfSite.put(site, slot);
                used++;
            }
        }
        StateData.expect(used, activeSites, "sites with events");
    }

    private void ensureSlots(int capacity) {
        int old = slotSite.length;
        slotSite = Arrays.copyOf(slotSite, capacity);
        slotEvents = Arrays.copyOf(slotEvents, capacity);
        eventClass = Arrays.copyOf(eventClass, capacity << eventShift);
        eventPosition = Arrays.copyOf(eventPosition, capacity << eventShift);
        Arrays.fill(eventClass, old << eventShift, capacity << eventShift, (short) NONE);
    }
}
