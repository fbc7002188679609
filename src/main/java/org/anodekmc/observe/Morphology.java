package org.anodekmc.observe;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.state.Deposit;

/**
 * Shape of the deposit beyond its roughness: how far its tips stand out, how many there are, and how space-filling
 * it is.
 *
 * @param tips              columns higher than all eight lateral neighbours and at least 2 layers above the mean
 *                          height: the tips of dendrites or whiskers
 * @param fractalDimension  box-counting dimension of the metal, fitted over box edges 2, 4, 8, ... up to a quarter
 *                          of the box's width: boxes of one site see single atoms (local slope about 1) and boxes
 *                          near the width of the box are too few. 3 for a compact deposit thicker than the largest
 *                          box, 2 for a flat layer, about 2.5 for 3D diffusion-limited aggregates; a compact film
 *                          thinner than the largest box counts as 2-dimensional at that scale. NaN in a box narrower
 *                          than 16 sites or without metal
 */
public record Morphology(int tips, double fractalDimension) {
    static final int TIP_PROMINENCE = 2;

    public static Morphology of(Deposit deposit, SurfaceStatistics surface) {
        return new Morphology(tips(deposit.lattice(), surface), fractalDimension(deposit, surface.maxHeight()));
    }

    private static int tips(Lattice lattice, SurfaceStatistics surface) {
        int[] h = surface.heights();
        int tips = 0;
        for (int c = 0; c < h.length; c++) {
            if (h[c] < surface.meanHeight() + TIP_PROMINENCE) {
                continue;
            }
            int x = lattice.columnX(c);
            int y = lattice.columnY(c);
            boolean highest = true;
            for (int dy = -1; dy <= 1 && highest; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    if ((dx != 0 || dy != 0) && h[wrapped(lattice, x + dx, y + dy)] >= h[c]) {
                        highest = false;
                        break;
                    }
                }
            }
            if (highest) {
                tips++;
            }
        }
        return tips;
    }

    private static int wrapped(Lattice lattice, int x, int y) {
        return lattice.columnAt(Math.floorMod(x, lattice.sizeX()), Math.floorMod(y, lattice.sizeY()));
    }

    /** Least-squares slope of log N(s) against log(1/s), N(s) = boxes of edge s that hold metal. */
    private static double fractalDimension(Deposit deposit, int height) {
        Lattice lattice = deposit.lattice();
        int sizes = 0;
        while ((4 << sizes) <= Math.min(lattice.sizeX(), lattice.sizeY()) / 2) {
            sizes++;
        }
        if (sizes < 2 || height < 1) {
            return Double.NaN;
        }
        double[] logSize = new double[sizes];
        double[] logCount = new double[sizes];
        int base = deposit.surfaceZ();
        for (int level = 0; level < sizes; level++) {
            int s = 2 << level;
            int nx = (lattice.sizeX() + s - 1) / s;
            int ny = (lattice.sizeY() + s - 1) / s;
            int nz = (height + s - 1) / s;
            java.util.BitSet filled = new java.util.BitSet(nx * ny * nz);
            for (int c = 0; c < lattice.columns(); c++) {
                int bx = lattice.columnX(c) / s;
                int by = lattice.columnY(c) / s;
                for (int z = base; z < base + height; z++) {
                    if (Species.isDeposit(deposit.species(lattice.site(c, z)))) {
                        filled.set((bx + nx * by) * nz + (z - base) / s);
                    }
                }
            }
            logSize[level] = Math.log(s);
            logCount[level] = Math.log(Math.max(1, filled.cardinality()));
        }
        return -Fits.slope(logSize, logCount);
    }
}
