package org.anodekmc.engine;

import org.anodekmc.lattice.Lattice;

/**
 * The box cut into bands of rows (y) for a run on several threads. Thread t owns bands 2t and 2t+1; in a phase every
 * thread runs the events of one of its bands, all even bands or all odd ones, so that two bands run at the same time
 * are a whole band apart. What one event reads and writes lies within a few rows of its site, less than that gap
 * ({@link #minimumBandRows}); searches that can go further (dead metal, sealed voids) stay within the band's zone, the band
 * and {@link #MARGIN} rows on each side, and leave what lies beyond it to the serial step between phases.
 */
final class Sectors {
    /** Rows beyond its band that a phase's searches may visit. */
    static final int MARGIN = 4;

    private final Lattice lattice;
    private final int bands;
    /**
     * A site's line (its row in its layer, z·sizeY + y) is site / sizeX, computed as (site·m) >>> shift: the index
     * asks for a site's band several hundred times per event, and a division costs ten times a multiplication.
     */
    private final long divisor;
    private final int shift;
    /** The band of each line. */
    private final byte[] bandOfLine;
    /** What turns a site's number into its number within its band, by line: (its line there − line)·sizeX. */
    private final int[] lineShift;
    /** For each band, which lines its zone covers. */
    private final boolean[][] zoneLines;

    private Sectors(Lattice lattice, int threads) {
        this.lattice = lattice;
        bands = 2 * threads;
        // exact for every site below 2^31: with 2^(shift-31) >= sizeX, the rounding error of m stays below one
        int bits = 32 - Integer.numberOfLeadingZeros(lattice.sizeX() - 1);
        shift = 31 + bits;
        divisor = ((1L << shift) + lattice.sizeX() - 1) / lattice.sizeX();
        int rows = lattice.sizeY();
        int lines = rows * lattice.sizeZ();
        bandOfLine = new byte[lines];
        lineShift = new int[lines];
        zoneLines = new boolean[bands][lines];
        for (int b = 0; b < bands; b++) {
            for (int line = 0; line < lines; line++) {
                int y = line % rows;
                int height = firstRow(b + 1, rows) - firstRow(b, rows);
                if (y >= firstRow(b, rows) && y < firstRow(b + 1, rows)) {
                    bandOfLine[line] = (byte) b;
                    int lineInBand = line / rows * height + y - firstRow(b, rows);
                    lineShift[line] = (lineInBand - line) * lattice.sizeX();
                }
                int below = Math.floorMod(firstRow(b, rows) - MARGIN, rows);
                zoneLines[b][line] = Math.floorMod(y - below, rows) < height + 2 * MARGIN;
            }
        }
    }

    /**
     * The bands of a box for a number of threads. An IllegalArgumentException says why the box cannot be cut so: a
     * band must be at least {@link #minimumBandRows} rows high.
     */
    static Sectors of(Lattice lattice, int threads) {
        int least = minimumBandRows(lattice);
        if (lattice.sizeY() < 2 * threads * least) {
            throw new IllegalArgumentException(threads + " threads cut the box's " + lattice.sizeY() + " rows into "
                    + 2 * threads + " bands of fewer than " + least + " rows, the least that keeps the events of "
                    + "bands run at the same time apart; use at most " + Math.max(1, lattice.sizeY() / (2 * least))
                    + " threads for this box");
        }
        return new Sectors(lattice, threads);
    }

    /**
     * The least band height: the band between two bands run at the same time must hold what one of them writes
     * beyond its edge (a hop's target and its neighbour bits, two steps; a search's relabelled or sealed sites,
     * the margin), what the other reads beyond its edge (the events recomputed around a change: five steps, or a
     * search's margin and the two steps read around what it relabels or seals), and a word of the sealed-void bits
     * (64 sites), which two threads must not share.
     */
    static int minimumBandRows(Lattice lattice) {
        int step = rowStep(lattice);
        int writes = Math.max(2 * step, MARGIN);
        int reads = Math.max(5 * step, MARGIN + 2 * step);
        int word = (63 + lattice.sizeX()) / lattice.sizeX();
        return writes + reads + word + 1;
    }

    /** The most rows a hop (first or second shell) crosses. */
    private static int rowStep(Lattice lattice) {
        int step = 0;
        int directions = lattice.hopDirections(true);
        int layers = Math.min(lattice.sizeZ(), 6); // stacking periods are at most 3 layers, first shells reach 2
        int columns = Math.min(lattice.sizeY(), 4) * lattice.sizeX(); // and offsets repeat within 2 rows
        for (int z = 0; z < layers; z++) {
            for (int c = 0; c < columns; c++) {
                for (int d = 0; d < directions; d++) {
                    int dy = Math.abs(lattice.columnY(lattice.neighbourColumn(c, z, d)) - lattice.columnY(c));
                    step = Math.max(step, Math.min(dy, lattice.sizeY() - dy));
                }
            }
        }
        return step;
    }

    private int firstRow(int band, int rows) {
        return (int) ((long) band * rows / bands);
    }

    int bands() {
        return bands;
    }

    private int line(int site) {
        return (int) ((site * divisor) >>> shift);
    }

    int band(int site) {
        return bandOfLine[line(site)];
    }

    /** The site's number among the sites of its band, layer by layer and row by row (what its catalogue hashes). */
    int withinBand(int site) {
        return site + lineShift[line(site)];
    }

    /** Whether a site lies in the zone of a band: the band and {@link #MARGIN} rows on each side. */
    boolean inZone(int band, int site) {
        return zoneLines[band][line(site)];
    }

    Lattice lattice() {
        return lattice;
    }
}
