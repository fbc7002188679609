package org.anodekmc.observe;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.state.Deposit;

/**
 * The deposit seen from above. Heights are in layers above the substrate (the highest metal atom of a column; 0 for
 * a bare column); times the lattice's layer spacing they are lengths, as the time series reports them.
 *
 * @param heights          per column, layers
 * @param meanHeight       mean of the heights, layers
 * @param roughness        RMS roughness W = sqrt(⟨(h − ⟨h⟩)²⟩), layers
 * @param maxHeight        layers
 * @param coverage         fraction of columns whose first-layer site holds metal
 * @param siteCoverage     fraction of single-atom substrate sites with a metal atom right above them (NaN if none)
 * @param porosity         empty sites below the column heights, as a fraction of all sites below them
 */
public record SurfaceStatistics(int[] heights, double meanHeight, double roughness, int maxHeight, double coverage,
                                double siteCoverage, double porosity) {

    public static SurfaceStatistics of(Deposit deposit) {
        Lattice lattice = deposit.lattice();
        int columns = lattice.columns();
        int base = deposit.surfaceZ();
        int[] heights = new int[columns];
        long sum = 0;
        long sumSquares = 0;
        int max = 0;
        long covered = 0;
        long sitesCovered = 0;
        long siteCount = 0;
        long below = 0;
        long emptyBelow = 0;
        for (int c = 0; c < columns; c++) {
            int h = deposit.columnTop(c) - base + 1;
            heights[c] = h;
            sum += h;
            sumSquares += (long) h * h;
            max = Math.max(max, h);
            boolean onSubstrate = Species.isDeposit(deposit.species(lattice.site(c, base)));
            if (onSubstrate) {
                covered++;
            }
            if (deposit.species(lattice.site(c, base - 1)) >= Species.FIRST_SITE) {
                siteCount++;
                if (onSubstrate) {
                    sitesCovered++;
                }
            }
            below += h;
            for (int z = base; z < base + h; z++) {
                if (deposit.species(lattice.site(c, z)) == Species.EMPTY) {
                    emptyBelow++;
                }
            }
        }
        double mean = sum / (double) columns;
        double variance = Math.max(0, sumSquares / (double) columns - mean * mean);
        return new SurfaceStatistics(heights, mean, Math.sqrt(variance), max, covered / (double) columns,
                siteCount == 0 ? Double.NaN : sitesCovered / (double) siteCount,
                below == 0 ? 0 : emptyBelow / (double) below);
    }
}
