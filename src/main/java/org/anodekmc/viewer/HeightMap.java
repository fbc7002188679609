package org.anodekmc.viewer;

import org.anodekmc.io.TrajectoryReader;

/**
 * The deposit of one frame seen from above: layers of metal per column (column = x + sizeX·y), 0 for a bare column.
 */
record HeightMap(int sizeX, int sizeY, int[] heights, int max) {

    static HeightMap of(TrajectoryReader.Occupancy occupancy, int sizeX, int sizeY) {
        int[] heights = new int[sizeX * sizeY];
        int max = 0;
        for (int c = 0; c < heights.length; c++) {
            heights[c] = occupancy.height(c);
            max = Math.max(max, heights[c]);
        }
        return new HeightMap(sizeX, sizeY, heights, max);
    }

    int height(int x, int y) {
        return heights[x + sizeX * y];
    }
}
