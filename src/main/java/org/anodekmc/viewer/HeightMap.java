package org.anodekmc.viewer;

import org.anodekmc.io.TrajectoryReader;

/**
 * The deposit of one frame seen from above: layers of live metal per column (column = x + sizeX·y), 0 for a bare
 * column, drawn as a solid column; and the height of the dead metal (cut off from the substrate) on top of it, drawn
 * as one floating voxel, 0 if the column's highest atom is live.
 */
record HeightMap(int sizeX, int sizeY, int[] heights, int max, int[] floating) {

    static HeightMap of(TrajectoryReader.Occupancy occupancy, int sizeX, int sizeY) {
        int[] heights = new int[sizeX * sizeY];
        int[] floating = new int[heights.length];
        int max = 0;
        for (int c = 0; c < heights.length; c++) {
            int top = occupancy.height(c);
            int live = top;
            while (live > 0 && (!occupancy.metal(c, live - 1) || occupancy.dead(c, live - 1))) {
                live--;
            }
            heights[c] = live;
            floating[c] = top > live ? top : 0;
            max = Math.max(max, top);
        }
        return new HeightMap(sizeX, sizeY, heights, max, floating);
    }

    int height(int x, int y) {
        return heights[x + sizeX * y];
    }
}
