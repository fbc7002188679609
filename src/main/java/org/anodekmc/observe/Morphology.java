package org.anodekmc.observe;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.state.Deposit;

import java.util.BitSet;

/**
 * Shape of the deposit beyond its roughness: how far its tips stand out, how many there are, and how space-filling
 * it is. Both are taken on the sites' Cartesian positions, in lengths of Ω^(1/3), so they mean the same on every
 * lattice.
 *
 * @param tips              columns higher than all the columns around them and at least 2 Ω^(1/3) above the mean
 *                          height: the tips of dendrites or whiskers. The columns around one are those within √2
 *                          times the nearest distance between columns in the plane: the 8 of a square grid (simple
 *                          cubic, bcc and fcc (001)), the 6 of a triangular one (fcc (111), hcp (0001)) and of
 *                          bcc (110)'s centred rectangles, the 4 of hcp (11̄20)'s rows in the other rows
 * @param fractalDimension  box-counting dimension of the metal, over cubes of edge s = 2, 4, 8, ... Ω^(1/3) up to a
 *                          quarter of the box's width, laid from the box's corner on the substrate's surface; a site
 *                          counts in the cube its centre lies in. Across the periodic box the cubes are stretched or
 *                          squeezed to fit a whole number of them (the nearest to width / s; exactly s where the
 *                          width is a multiple of s, as on sc boxes of 48 or 64 sites). Cubes of one site see single
 *                          atoms (local slope about 1) and cubes near the width of the box are too few. 3 for a
 *                          compact deposit thicker than the largest cube, 2 for a flat layer, about 2.5 for 3D
 *                          diffusion-limited aggregates; a compact film thinner than the largest cube counts as
 *                          2-dimensional at that scale. NaN in a box narrower than 16 Ω^(1/3) or without metal
 */
public record Morphology(int tips, double fractalDimension) {
    /** Ω^(1/3): 2 layers on simple cubic. */
    static final double TIP_PROMINENCE = 2;
    /** Columns within this factor of the nearest distance between columns are the ones around a column. */
    private static final double AROUND = Math.sqrt(2) * (1 + 1e-6);

    public static Morphology of(Deposit deposit, SurfaceStatistics surface) {
        return new Morphology(tips(deposit.lattice(), surface), fractalDimension(deposit, surface.maxHeight()));
    }

    private static int tips(Lattice lattice, SurfaceStatistics surface) {
        int[] h = surface.heights();
        double spacing = lattice.layerSpacing();
        int[][] around = {around(lattice, 0), around(lattice, 1)};
        int tips = 0;
        for (int c = 0; c < h.length; c++) {
            if (h[c] * spacing < surface.meanHeight() * spacing + TIP_PROMINENCE) {
                continue;
            }
            int x = lattice.columnX(c);
            int y = lattice.columnY(c);
            int[] steps = around[y & 1];
            boolean highest = true;
            for (int k = 0; k < steps.length && highest; k += 2) {
                int n = wrapped(lattice, x + steps[k], y + steps[k + 1]);
                highest = n == c || h[n] < h[c];
            }
            if (highest) {
                tips++;
            }
        }
        return tips;
    }

    /**
     * Steps (dx, dy, dx, dy, ...) from a column of a row of this parity to the columns around it, found on the
     * Cartesian positions: the layers repeat their in-plane arrangement every two rows (square grids every row).
     */
    private static int[] around(Lattice lattice, int parity) {
        int y = parity % lattice.sizeY();
        Lattice.Point centre = lattice.position(lattice.site(lattice.columnAt(0, y), 0));
        int reach = 2;
        double[] distance = new double[(2 * reach + 1) * (2 * reach + 1)];
        double nearest = Double.POSITIVE_INFINITY;
        int i = 0;
        for (int dy = -reach; dy <= reach; dy++) {
            for (int dx = -reach; dx <= reach; dx++, i++) {
                Lattice.Point p = lattice.position(lattice.site(wrapped(lattice, dx, y + dy), 0));
                distance[i] = inPlaneDistance(lattice, centre, p);
                if (distance[i] > 0) {
                    nearest = Math.min(nearest, distance[i]);
                }
            }
        }
        IntArrayList steps = new IntArrayList();
        i = 0;
        for (int dy = -reach; dy <= reach; dy++) {
            for (int dx = -reach; dx <= reach; dx++, i++) {
                if ((dx != 0 || dy != 0) && distance[i] <= AROUND * nearest) {
                    steps.add(dx);
                    steps.add(dy);
                }
            }
        }
        return steps.toIntArray();
    }

    /** Distance in the x–y plane across the periodic box (to the nearest image). */
    private static double inPlaneDistance(Lattice lattice, Lattice.Point a, Lattice.Point b) {
        Lattice.Point box = lattice.boxSize();
        double dx = Math.abs(a.x() - b.x());
        double dy = Math.abs(a.y() - b.y());
        return Math.hypot(Math.min(dx, box.x() - dx), Math.min(dy, box.y() - dy));
    }

    private static int wrapped(Lattice lattice, int x, int y) {
        return lattice.columnAt(Math.floorMod(x, lattice.sizeX()), Math.floorMod(y, lattice.sizeY()));
    }

    /** Least-squares slope of log N(s) against log(1/s), N(s) = cubes of edge s that hold metal. */
    private static double fractalDimension(Deposit deposit, int height) {
        Lattice lattice = deposit.lattice();
        double unit = LatticeUnits.conventionalConstant(lattice, lattice.layerSpacing());
        Lattice.Point box = lattice.boxSize();
        double width = Math.min(box.x(), box.y()) * unit;
        int sizes = 0;
        while ((4 << sizes) <= width / 2) {
            sizes++;
        }
        if (sizes < 2 || height < 1) {
            return Double.NaN;
        }
        int base = deposit.surfaceZ();
        double surface = base * lattice.layerSpacing();
        double[] edgeX = new double[sizes];
        double[] edgeY = new double[sizes];
        int[] nx = new int[sizes];
        int[] ny = new int[sizes];
        int[] nz = new int[sizes];
        BitSet[] filled = new BitSet[sizes];
        for (int level = 0; level < sizes; level++) {
            int s = 2 << level;
            // a whole number of cells across the periodic box, as near to s as that allows (exactly s on sc)
            nx[level] = (int) Math.max(1, Math.round(box.x() * unit / s));
            ny[level] = (int) Math.max(1, Math.round(box.y() * unit / s));
            edgeX[level] = box.x() * unit / nx[level];
            edgeY[level] = box.y() * unit / ny[level];
            nz[level] = (int) Math.ceil(height * lattice.layerSpacing() / s);
            filled[level] = new BitSet(nx[level] * ny[level] * nz[level]);
        }
        for (int z = base; z < base + height; z++) {
            for (int c = 0; c < lattice.columns(); c++) {
                int site = lattice.site(c, z);
                if (!Species.isDeposit(deposit.species(site))) {
                    continue;
                }
                Lattice.Point p = lattice.position(site);
                for (int level = 0; level < sizes; level++) {
                    int bx = cell(p.x() * unit, edgeX[level], nx[level]);
                    int by = cell(p.y() * unit, edgeY[level], ny[level]);
                    int bz = cell(p.z() * unit - surface, 2 << level, nz[level]);
                    filled[level].set((bx + nx[level] * by) * nz[level] + bz);
                }
            }
        }
        double[] logSize = new double[sizes];
        double[] logCount = new double[sizes];
        for (int level = 0; level < sizes; level++) {
            logSize[level] = Math.log(2 << level);
            logCount[level] = Math.log(Math.max(1, filled[level].cardinality()));
        }
        return -Fits.slope(logSize, logCount);
    }

    /** The cell, of {@code cells} of this edge, that a coordinate from 0 falls in. */
    private static int cell(double coordinate, double edge, int cells) {
        return Math.min(cells - 1, (int) (coordinate / edge));
    }
}
