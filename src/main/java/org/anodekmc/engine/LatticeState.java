package org.anodekmc.engine;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;

/**
 * What occupies each site, packed, with the bookkeeping that lets rules and observers read the deposit without
 * scanning it. Every change of a site goes through {@link #setSpecies} or {@link #relabel}, which keep all of it.
 *
 * <p>Two bytes per site: the species in the low four bits, then one bit per first-shell direction (up to 12), set when
 * the neighbour that way is metal (their number is the neighbour count, and an event visits only the neighbours that
 * matter instead of testing all of them). Everything a site's rates depend on is in its own cell, since in a large box
 * each further array read per site is a further cache miss; only sites of the first layer above the substrate read
 * one more byte, their substrate environment code (what the substrate binds there), which is per column.
 *
 * <p>On several threads each thread changes the sites through a view ({@link #threadView}) that shares the arrays
 * and keeps its own counters, which the state of the whole box takes over between phases ({@link #absorb}).
 */
final class LatticeState {
    static final int NONE = -1;
    private static final int SPECIES_BITS = 0x0F;
    private static final int NEIGHBOUR_SHIFT = 4;
    /** Bits of a cell: the species and up to 12 neighbour bits. */
    private static final int CELL_BITS = 16;

    /** Told when a site above the substrate fills with metal or empties (after its cell changed). */
    interface Watcher {
        void filled(int site);

        void emptied(int site);
    }

    final Lattice lattice;
    /** First layer above the substrate. */
    final int surfaceZ;
    /** Highest layer; a metal atom there fills the box. */
    final int topZ;
    final int coordination;
    final int columns;
    /** Site numbers of the first layer above the substrate: [surfaceLayerStart, surfaceLayerEnd). */
    final int surfaceLayerStart;
    final int surfaceLayerEnd;
    /**
     * Sites below it bind the substrate: the first layer, or on hcp1120 (whose first shell reaches two layers) the
     * first two.
     */
    final int contactEnd;
    /** First site of the highest layer. */
    final int topLayerStart;
    /** Sites from it up have a first-shell neighbour above the box: the top layer, or the top two on hcp1120. */
    final int openAboveStart;
    /** All first-shell directions, as bits. */
    final int firstShellBits;
    /**
     * The first-shell directions that go up, and those that go down (into the substrate from the first layer); then
     * those that go up or down two layers (out of the box or into the substrate from the second layer: hcp1120's).
     */
    final int upBits;
    final int downBits;
    private final int twoUpBits;
    private final int twoDownBits;
    /** Signatures at or above it lie next to the substrate (neighbour counts 0..coordination). */
    final int signatureStride;
    /** Substrate environment code of each site below {@link #contactEnd}, from surfaceLayerStart on (1 or more). */
    private final byte[] environments;

    final short[] cells;
    /**
     * Metal atoms in each layer, which give the highest point of the deposit without a scan. A column's top is found
     * from there downwards when asked for (by the flux-fixing supplies, once per arrival): keeping it per column
     * would cost a cache miss per event in a large box.
     */
    final int[] metalInLayer;
    int highestTop;
    /**
     * Lowest z of each column that is not metal: the column is solid metal from the substrate up to below it. Kept
     * only for the connectivity rule (empty array without it).
     */
    final int[] columnSolid;
    /** Atoms of the deposit, live and dead. */
    long metalAtoms;
    /** Atoms cut off from the substrate ({@link Species#DEAD}). */
    long deadAtoms;
    boolean boxFull;
    private Watcher watcher;
    /** A thread's view: its per-layer counts are changes since the phase began, its highestTop only rises. */
    private final boolean view;
    /** The view's counters when the phase began. */
    private long metalAtomsAtStart;
    private long deadAtomsAtStart;

    /**
     * @param top          species of the top substrate layer by column
     * @param environments substrate environment code of each site next to the substrate (1 or more), the first
     *                     layer's, then on hcp1120 the second layer's
     */
    LatticeState(Lattice lattice, int substrateLayers, byte[] top, byte[] environments, boolean keepSolidColumns) {
        this.lattice = lattice;
        surfaceZ = substrateLayers;
        topZ = lattice.sizeZ() - 1;
        coordination = lattice.coordination();
        columns = lattice.columns();
        surfaceLayerStart = lattice.site(0, surfaceZ);
        surfaceLayerEnd = surfaceLayerStart + columns;
        if (lattice.reach() > 2) {
            throw new IllegalArgumentException(lattice.type() + ": a first shell reaching " + lattice.reach()
                    + " layers (at most 2 here)");
        }
        contactEnd = surfaceLayerStart + lattice.reach() * columns;
        topLayerStart = lattice.site(0, topZ);
        openAboveStart = lattice.site(0, topZ + 1 - lattice.reach());
        firstShellBits = (1 << coordination) - 1;
        int up = 0;
        int down = 0;
        int twoUp = 0;
        int twoDown = 0;
        for (int d = 0; d < coordination; d++) {
            up |= lattice.dz(d) > 0 ? 1 << d : 0;
            down |= lattice.dz(d) < 0 ? 1 << d : 0;
            twoUp |= lattice.dz(d) > 1 ? 1 << d : 0;
            twoDown |= lattice.dz(d) < -1 ? 1 << d : 0;
        }
        upBits = up;
        downBits = down;
        twoUpBits = twoUp;
        twoDownBits = twoDown;
        signatureStride = coordination + 1;
        if (NEIGHBOUR_SHIFT + coordination > CELL_BITS) {
            throw new IllegalArgumentException("a " + CELL_BITS + "-bit cell holds at most "
                    + (CELL_BITS - NEIGHBOUR_SHIFT) + " neighbour bits, the lattice has " + coordination);
        }
        this.environments = environments.clone();
        cells = new short[lattice.sites()];
        metalInLayer = new int[lattice.sizeZ()];
        columnSolid = new int[keepSolidColumns ? columns : 0];
        java.util.Arrays.fill(columnSolid, surfaceZ);
        for (int c = 0; c < columns; c++) {
            for (int z = 0; z < surfaceZ - 1; z++) {
                cells[lattice.site(c, z)] = Species.HOST;
            }
            cells[lattice.site(c, surfaceZ - 1)] = top[c];
        }
        highestTop = surfaceZ - 1;
        view = false;
    }

    /** A view for a thread: the same sites, columns and geometry, counters of its own. */
    private LatticeState(LatticeState whole) {
        lattice = whole.lattice;
        surfaceZ = whole.surfaceZ;
        topZ = whole.topZ;
        coordination = whole.coordination;
        columns = whole.columns;
        surfaceLayerStart = whole.surfaceLayerStart;
        surfaceLayerEnd = whole.surfaceLayerEnd;
        contactEnd = whole.contactEnd;
        topLayerStart = whole.topLayerStart;
        openAboveStart = whole.openAboveStart;
        firstShellBits = whole.firstShellBits;
        upBits = whole.upBits;
        downBits = whole.downBits;
        twoUpBits = whole.twoUpBits;
        twoDownBits = whole.twoDownBits;
        signatureStride = whole.signatureStride;
        environments = whole.environments;
        cells = whole.cells;
        columnSolid = whole.columnSolid;
        metalInLayer = new int[whole.metalInLayer.length];
        view = true;
    }

    LatticeState threadView() {
        return new LatticeState(this);
    }

    /** Starts a phase of a thread's view: its counters from the whole box's. */
    void beginPhase(LatticeState whole) {
        metalAtoms = metalAtomsAtStart = whole.metalAtoms;
        deadAtoms = deadAtomsAtStart = whole.deadAtoms;
        highestTop = whole.highestTop;
        boxFull = false;
    }

    /** Takes over what a thread's view changed in a phase. */
    void absorb(LatticeState threadView) {
        metalAtoms += threadView.metalAtoms - threadView.metalAtomsAtStart;
        deadAtoms += threadView.deadAtoms - threadView.deadAtomsAtStart;
        boxFull |= threadView.boxFull;
        for (int z = 0; z < metalInLayer.length; z++) {
            metalInLayer[z] += threadView.metalInLayer[z];
            threadView.metalInLayer[z] = 0;
        }
        highestTop = Math.max(highestTop, threadView.highestTop);
        lowerHighestTop();
    }

    void watch(Watcher w) {
        watcher = w;
    }

    byte species(int site) {
        return (byte) (cells[site] & SPECIES_BITS);
    }

    /** Bit d set when the first-shell neighbour in direction d is metal. */
    int metalNeighbours(int site) {
        return (cells[site] >> NEIGHBOUR_SHIFT) & firstShellBits;
    }

    /** The site's neighbour count, plus the substrate environment below it on the first layer (site above the substrate). */
    int signature(int site) {
        int count = Integer.bitCount(metalNeighbours(site));
        return site < contactEnd ? count + signatureStride * environments[site - surfaceLayerStart] : count;
    }

    /** First-shell directions of a site that lead to empty sites of the deposit layers (none below the substrate or above the box). */
    int emptyNeighbours(int site) {
        return firstShellBits & ~metalNeighbours(site) & ~intoSubstrate(site)
                & ~(site >= topLayerStart ? upBits : site >= openAboveStart ? twoUpBits : 0);
    }

    /** First-shell directions of a site that lead into the substrate. */
    int intoSubstrate(int site) {
        return site < surfaceLayerEnd ? downBits : site < contactEnd ? twoDownBits : 0;
    }

    /** Above the substrate and inside the box (neighbour numbers outside it are not sites of the deposit). */
    boolean inDepositLayers(int site) {
        return site >= surfaceLayerStart && site < cells.length;
    }

    /** A first-shell neighbour of the site is live metal. */
    boolean livingNeighbour(int site) {
        for (int rest = metalNeighbours(site); rest != 0; rest &= rest - 1) {
            if (species(lattice.neighbour(site, Integer.numberOfTrailingZeros(rest))) == Species.METAL) {
                return true;
            }
        }
        return false;
    }

    /** Fills a site above the substrate with live metal or empties it. */
    void setSpecies(int site, byte value) {
        cells[site] = (short) ((cells[site] & ~SPECIES_BITS) | value);
        boolean metal = value == Species.METAL;
        for (int d = 0; d < coordination; d++) {
            int n = lattice.neighbour(site, d);
            if (inDepositLayers(n)) {
                int bit = 1 << (NEIGHBOUR_SHIFT + lattice.reverse(d));
                cells[n] = (short) (metal ? cells[n] | bit : cells[n] & ~bit);
            }
        }
        metalAtoms += metal ? 1 : -1;
        int z = lattice.z(site);
        metalInLayer[z] += metal ? 1 : -1;
        if (metal) {
            highestTop = Math.max(highestTop, z);
            boxFull |= z == topZ;
        } else if (!view) {
            lowerHighestTop();
        }
        if (columnSolid.length > 0) {
            updateColumnSolid(lattice.column(site), z, value);
        }
        if (watcher != null) {
            if (metal) {
                watcher.filled(site);
            } else {
                watcher.emptied(site);
            }
        }
    }

    private void lowerHighestTop() {
        while (highestTop >= surfaceZ && metalInLayer[highestTop] == 0) {
            highestTop--;
        }
    }

    /** Turns live metal dead or dead metal live (neighbour bits stay: both bind alike). */
    void relabel(int site, byte value) {
        cells[site] = (short) ((cells[site] & ~SPECIES_BITS) | value);
        deadAtoms += value == Species.DEAD ? 1 : -1;
        updateColumnSolid(lattice.column(site), lattice.z(site), value);
    }

    /** Keeps {@link #columnSolid} for the connectivity rule (the only one that reads it). */
    private void updateColumnSolid(int column, int z, byte value) {
        if (value != Species.METAL) {
            columnSolid[column] = Math.min(columnSolid[column], z);
        } else if (z == columnSolid[column]) {
            int solid = z + 1;
            while (solid <= topZ && species(lattice.site(column, solid)) == Species.METAL) {
                solid++;
            }
            columnSolid[column] = solid;
        }
    }

    /** Bytes held: the cells, the per-layer counts and, with the connectivity rule, the solid column heights. */
    long bytes() {
        return 2L * cells.length + 4L * (columnSolid.length + metalInLayer.length);
    }
}
