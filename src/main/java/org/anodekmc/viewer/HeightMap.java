package org.anodekmc.viewer;

import org.anodekmc.io.TrajectoryReader;

/**
 * The deposit of one frame seen from above: layers of metal per column (column = x + sizeX·y), 0 for a bare column,
 * and whether the atom on top of a column is dead metal (cut off from the substrate).
 */
record HeightMap(int sizeX, int sizeY, int[] heights, int max, boolean[] deadTop) {

    static HeightMap of(TrajectoryReader.Occupancy occupancy, int sizeX, int sizeY) {
        int[] heights = new int[sizeX * sizeY];
        boolean[] deadTop = new boolean[heights.length];
        int max = 0;
        for (int c = 0; c < heights.length; c++) {
            heights[c] = occupancy.height(c);
            deadTop[c] = heights[c] > 0 && occupancy.dead(c, heights[c] - 1);
            max = Math.max(max, heights[c]);
        }
        return new HeightMap(sizeX, sizeY, heights, max, deadTop);
    }

    int height(int x, int y) {
        return heights[x + sizeX * y];
    }
}
