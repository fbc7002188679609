package org.anodekmc.engine;

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

    ElectrolyteReach(LatticeState state, EventIndex events) {
        this.state = state;
        this.lattice = state.lattice;
        this.events = events;
        columnTop = new int[state.columns];
        sealedBits = new long[(state.cells.length + 63) >>> 6];
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
                collectRegion(n);
                setRegion(false);
            }
        }
    }

    /**
     * Searches the empty sites connected to {@code start}, upwards first, for one above its column's top. Leaves
     * the sites searched in {@link #region}: all of them, the whole region, when it returns false.
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
                        visit(n);
                    }
                }
            }
        }
        return false;
    }

    /** Collects the sealed void that contains {@code start} into {@link #region}. */
    private void collectRegion(int start) {
        begin(start);
        while (stackSize > 0) {
            int s = stack[--stackSize];
            for (int d = 0; d < state.coordination; d++) {
                int n = lattice.neighbour(s, d);
                if (state.inDepositLayers(n) && sealed(n)) {
                    visit(n);
                }
            }
        }
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
