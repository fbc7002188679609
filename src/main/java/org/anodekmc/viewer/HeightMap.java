package org.anodekmc.viewer;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.state.Deposit;

/**
 * The deposit of one frame seen from above: layers of live metal per column (column = x + sizeX·y), 0 for a bare
 * column, drawn as a solid column; and the height of the dead metal (cut off from the substrate) on top of it, drawn
 * as one floating voxel, 0 if the column's highest atom is live. The lattice says where the columns stand; layer k
 * above the substrate is the lattice's layer surfaceZ + k.
 */
record HeightMap(Lattice lattice, int surfaceZ, int[] heights, int max, int[] floating) {

    static HeightMap of(Deposit deposit) {
        Lattice lattice = deposit.lattice();
        int base = deposit.surfaceZ();
        int[] heights = new int[lattice.columns()];
        int[] floating = new int[heights.length];
        for (int c = 0; c < heights.length; c++) {
            int top = deposit.columnTop(c) - base + 1;
            int live = top;
            while (live > 0 && deposit.species(lattice.site(c, base + live - 1)) != Species.METAL) {
                live--;
            }
            heights[c] = live;
            floating[c] = top > live ? top : 0;
        }
        return new HeightMap(lattice, base, heights, deposit.highestTop() - base + 1, floating);
    }

    int sizeX() {
        return lattice.sizeX();
    }

    int sizeY() {
        return lattice.sizeY();
    }

    int height(int x, int y) {
        return heights[x + sizeX() * y];
    }
}
