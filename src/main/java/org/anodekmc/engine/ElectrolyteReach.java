package org.anodekmc.engine;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Tracks the empty sites that the electrolyte cannot reach: voids sealed inside the deposit, where no redox may
 * happen. An empty site above the highest metal of its column is reached (straight up), so only sites below a
 * column's top ever need a search, and the set of sealed sites changes only when a filled site closes a void or an
 * emptied one opens it. Sealed voids are rare: with none, redox eligibility costs nothing extra.
 *
 * <p>On several threads each thread has a view ({@link #threadView}) that shares the column tops and the sealed bits
 * and searches only within its band's zone ({@link Sectors}): a search that would leave it takes the site as reached
 * (or leaves a void sealed) and lists it, and the whole box's instance settles it between phases ({@link #settle}).
 */
final class ElectrolyteReach implements LatticeState.Watcher {
    private final LatticeState state;
    private final Lattice lattice;
    private final EventIndex events;
    /** Highest metal z of each column (the top substrate layer if none). */
    private final int[] columnTop;
    private final long[] sealedBits;
    private int sealedSites;
    private final IntOpenHashSet visited = new IntOpenHashSet();
    /** The sites of {@link #visited} (iterating a hash set would allocate). */
    private int[] region = new int[64];
    private int regionSize;
    private int[] stack = new int[64];
    private int stackSize;
    /** A thread view's bands (its searches stay in the active band's zone); null for the whole box. */
    private final Sectors sectors;
    private int band;
    /** A thread view's count of sealed sites when the phase began. */
    private int sealedAtStart;
    /** Sites whose search reached the edge of the zone, in the order met: settled between phases. */
    final IntArrayList unsettled = new IntArrayList();

    ElectrolyteReach(LatticeState state, EventIndex events) {
        this(state, events, new int[state.columns], new long[(state.cells.length + 63) >>> 6], null);
    }

    private ElectrolyteReach(LatticeState state, EventIndex events, int[] columnTop, long[] sealedBits,
                             Sectors sectors) {
        this.state = state;
        this.lattice = state.lattice;
        this.events = events;
        this.columnTop = columnTop;
        this.sealedBits = sealedBits;
        this.sectors = sectors;
    }

    /** A thread's view: the same column tops and sealed sites, changed through the thread's state and index. */
    ElectrolyteReach threadView(LatticeState threadState, EventIndex threadEvents, Sectors bands) {
        return new ElectrolyteReach(threadState, threadEvents, columnTop, sealedBits, bands);
    }

    /** Starts a phase of a thread's view in a band: the sealed count from the whole box's. */
    void beginPhase(ElectrolyteReach whole, int activeBand) {
        sealedSites = sealedAtStart = whole.sealedSites;
        band = activeBand;
    }

    /** Takes over the change of the sealed count in a thread view's phase. */
    void absorb(ElectrolyteReach threadView) {
        sealedSites += threadView.sealedSites - threadView.sealedAtStart;
    }

    /**
     * Settles, on the whole box, an empty site a thread's view left unsettled: a sealed void that touches the
     * electrolyte opens, an empty site it does not reach is sealed with its void. A site filled since then no longer
     * joins anything: the empty sites beside it are settled instead (its filling may have taken the view's
     * dead-end shortcut, which trusts the guess).
     */
    void settle(int site) {
        if (state.species(site) != Species.EMPTY) {
            for (int empty = state.emptyNeighbours(site); empty != 0; empty &= empty - 1) {
                settleEmpty(lattice.neighbour(site, Integer.numberOfTrailingZeros(empty)));
            }
        } else {
            settleEmpty(site);
        }
    }

    private void settleEmpty(int site) {
        if (sealed(site)) {
            collectRegion(site);
            if (regionOpens()) {
                setRegion(false);
            }
        } else if (lattice.z(site) <= columnTop[lattice.column(site)] && !reachesTop(site)) {
            setRegion(true);
        }
    }

    /** Whether a site of {@link #region} touches the electrolyte (an empty site not sealed, or the box's top). */
    private boolean regionOpens() {
        for (int i = 0; i < regionSize; i++) {
            int s = region[i];
            if (s >= state.openAboveStart) {
                return true;
            }
            for (int empty = state.emptyNeighbours(s); empty != 0; empty &= empty - 1) {
                if (!sealed(lattice.neighbour(s, Integer.numberOfTrailingZeros(empty)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean outsideZone(int site) {
        return sectors != null && !sectors.inZone(band, site);
    }

    /** Empty sites inside the deposit that the electrolyte cannot reach. */
    int sealedSites() {
        return sealedSites;
    }

    /** Bytes held: the column tops and one bit per site. */
    long bytes() {
        return 4L * columnTop.length + 8L * sealedBits.length;
    }

    boolean sealed(int site) {
        return (sealedBits[site >>> 6] & (1L << site)) != 0;
    }

    private void setSealed(int site, boolean value) {
        if (sealed(site) != value) {
            sealedBits[site >>> 6] ^= 1L << site;
            sealedSites += value ? 1 : -1;
        }
    }

    /** Recomputes everything from the lattice (after construction or a checkpoint read): a flood from the top. */
    void rebuild() {
        Arrays.fill(sealedBits, 0);
        sealedSites = 0;
        BitSet reached = new BitSet(state.cells.length);
        int[] queue = new int[state.cells.length];
        int end = 0;
        for (int c = 0; c < state.columns; c++) {
            int z = state.topZ;
            while (z >= state.surfaceZ && state.species(lattice.site(c, z)) == Species.EMPTY) {
                reached.set(lattice.site(c, z));
                queue[end++] = lattice.site(c, z);
                z--;
            }
            columnTop[c] = z;
        }
        // on hcp1120 the second layer from the top also reaches above the box
        for (int s = state.openAboveStart; s < state.topLayerStart; s++) {
            if (state.species(s) == Species.EMPTY && !reached.get(s)) {
                reached.set(s);
                queue[end++] = s;
            }
        }
        for (int head = 0; head < end; head++) {
            int s = queue[head];
            for (int d = 0; d < state.coordination; d++) {
                int n = lattice.neighbour(s, d);
                if (state.inDepositLayers(n) && state.species(n) == Species.EMPTY && !reached.get(n)) {
                    reached.set(n);
                    queue[end++] = n;
                }
            }
        }
        for (int s = state.surfaceLayerStart; s < state.cells.length; s++) {
            if (state.species(s) == Species.EMPTY && !reached.get(s)) {
                setSealed(s, true);
            }
        }
    }

    /** Differences from a fresh {@link #rebuild} (for tests), or null. */
    String mismatch() {
        long[] bits = sealedBits.clone();
        int[] tops = columnTop.clone();
        int count = sealedSites;
        rebuild();
        String result = Arrays.equals(bits, sealedBits) && Arrays.equals(tops, columnTop)
                && count == sealedSites ? null : "sealed voids or column tops differ from a fresh computation: "
                + BitSet.valueOf(bits) + " / " + BitSet.valueOf(sealedBits) + " tops "
                + Arrays.toString(tops) + " / " + Arrays.toString(columnTop);
        System.arraycopy(bits, 0, sealedBits, 0, bits.length);
        System.arraycopy(tops, 0, columnTop, 0, tops.length);
        sealedSites = count;
        return result;
    }

    /** The site just became metal: it may close a void off below it. */
    @Override
    public void filled(int site) {
        int c = lattice.column(site);
        columnTop[c] = Math.max(columnTop[c], lattice.z(site));
        if (sealed(site)) {
            setSealed(site, false); // a void shrinks, and what is left of it stays sealed
            return;
        }
        int empty = state.emptyNeighbours(site);
        if (Integer.bitCount(empty) < 2) {
            return; // the site was a dead end of the electrolyte: filling it cuts nothing off
        }
        for (; empty != 0; empty &= empty - 1) {
            int n = lattice.neighbour(site, Integer.numberOfTrailingZeros(empty));
            // most neighbours lie above their column's top: reached straight up, no search
            if (lattice.z(n) <= columnTop[lattice.column(n)] && !sealed(n) && !reachesTop(n)) {
                setRegion(true);
            }
        }
    }

    /** The site just became empty: it joins the electrolyte (opening any void it touches) or a void. */
    @Override
    public void emptied(int site) {
        int c = lattice.column(site);
        int z = lattice.z(site);
        if (z == columnTop[c]) {
            int below = z - 1;
            while (below >= state.surfaceZ && state.species(lattice.site(c, below)) == Species.EMPTY) {
                below--;
            }
            columnTop[c] = below;
        }
        boolean open = site >= state.openAboveStart;
        int empty = state.emptyNeighbours(site);
        for (int rest = empty; rest != 0 && !open; rest &= rest - 1) {
            open = !sealed(lattice.neighbour(site, Integer.numberOfTrailingZeros(rest)));
        }
        if (!open) {
            setSealed(site, true);
            return;
        }
        for (; empty != 0; empty &= empty - 1) {
            int n = lattice.neighbour(site, Integer.numberOfTrailingZeros(empty));
            if (sealed(n)) {
                if (collectRegion(n)) {
                    setRegion(false);
                } else {
                    unsettled.add(n);
                }
            }
        }
    }

    /**
     * Searches the empty sites connected to {@code start}, upwards first, for one above its column's top. Leaves
     * the sites searched in {@link #region}: all of them, the whole region, when it returns false. A thread's view
     * that meets the edge of its zone takes the site as reached and lists it as unsettled.
     */
    private boolean reachesTop(int start) {
        begin(start);
        while (stackSize > 0) {
            int s = stack[--stackSize];
            if (lattice.z(s) > columnTop[lattice.column(s)] || s >= state.openAboveStart) {
                return true;
            }
            // upward moves are pushed last so they are explored first
            for (int pass = 0; pass < 3; pass++) {
                for (int d = 0; d < state.coordination; d++) {
                    int n = lattice.neighbour(s, d);
                    if (Integer.signum(lattice.dz(d)) == pass - 1 && state.inDepositLayers(n)
                            && state.species(n) == Species.EMPTY) {
                        if (outsideZone(n)) {
                            unsettled.add(start);
                            return true;
                        }
                        visit(n);
                    }
                }
            }
        }
        return false;
    }

    /**
     * Collects the sealed void that contains {@code start} into {@link #region}; false if it reaches beyond a thread
     * view's zone.
     */
    private boolean collectRegion(int start) {
        begin(start);
        while (stackSize > 0) {
            int s = stack[--stackSize];
            for (int d = 0; d < state.coordination; d++) {
                int n = lattice.neighbour(s, d);
                if (state.inDepositLayers(n) && sealed(n)) {
                    if (outsideZone(n)) {
                        return false;
                    }
                    visit(n);
                }
            }
        }
        return true;
    }

    private void begin(int start) {
        if (visited.size() > 4096) {
            visited.trim(); // clear() costs the table's capacity: do not keep a large one after a large search
        }
        visited.clear();
        regionSize = 0;
        stackSize = 0;
        visit(start);
    }

    private void visit(int site) {
        if (!visited.add(site)) {
            return;
        }
        if (regionSize == region.length) {
            region = Arrays.copyOf(region, 2 * regionSize);
        }
        region[regionSize++] = site;
        if (stackSize == stack.length) {
            stack = Arrays.copyOf(stack, 2 * stackSize);
        }
        stack[stackSize++] = site;
    }

    /** Seals or opens the sites of {@link #region}, and recomputes the redox events that see them. */
    private void setRegion(boolean seal) {
        for (int i = 0; i < regionSize; i++) {
            setSealed(region[i], seal);
        }
        for (int i = 0; i < regionSize; i++) {
            int s = region[i];
            events.refreshSite(s);
            for (int rest = state.metalNeighbours(s); rest != 0; rest &= rest - 1) {
                events.refreshSite(lattice.neighbour(s, Integer.numberOfTrailingZeros(rest)));
            }
        }
    }
}
