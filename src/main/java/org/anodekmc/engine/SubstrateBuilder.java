package org.anodekmc.engine;

import org.anodekmc.config.SiteConfig;
import org.anodekmc.model.Species;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.List;

/** Lays out the top substrate layer: host everywhere, single-atom species at random or on a square grid. */
final class SubstrateBuilder {
    private SubstrateBuilder() {
    }

    /**
     * @return species of the top substrate layer, one per column
     */
    static byte[] topLayer(int sizeX, int sizeY, List<SiteConfig> sites, double siteAreaNm2,
                           UniformRandomProvider rng) {
        int columns = sizeX * sizeY;
        byte[] layer = new byte[columns];
        java.util.Arrays.fill(layer, Species.HOST);
        // host columns still free; random placement draws from them without replacement (partial Fisher–Yates)
        int[] free = new int[columns];
        for (int i = 0; i < columns; i++) {
            free[i] = i;
        }
        int freeCount = columns;
        for (int k = 0; k < sites.size(); k++) {
            SiteConfig site = sites.get(k);
            int count = Math.min(site.siteCount(columns, siteAreaNm2), freeCount);
            byte code = Species.site(k);
            if (site.placement() == SiteConfig.Placement.ORDERED) {
                placeOnGrid(layer, sizeX, sizeY, count, code, k);
            } else {
                for (int placed = 0; placed < count; placed++) {
                    int pick = rng.nextInt(freeCount);
                    layer[free[pick]] = code;
                    free[pick] = free[--freeCount];
                }
            }
            // columns taken by a grid species leave the free pool too
            for (int i = 0; i < freeCount; ) {
                if (layer[free[i]] != Species.HOST) {
                    free[i] = free[--freeCount];
                } else {
                    i++;
                }
            }
        }
        return layer;
    }

    /** nx × ny points spread evenly over the box, shifted by the species index so grids do not collide. */
    private static void placeOnGrid(byte[] layer, int sizeX, int sizeY, int count, byte code, int shift) {
        if (count == 0) {
            return;
        }
        int nx = Math.max(1, Math.min(sizeX, (int) Math.round(Math.sqrt(count * (double) sizeX / sizeY))));
        int ny = Math.max(1, Math.min(sizeY, (int) Math.round(count / (double) nx)));
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int x = ((int) ((i + 0.5) * sizeX / nx) + shift) % sizeX;
                int y = (int) ((j + 0.5) * sizeY / ny);
                int column = x + sizeX * y;
                for (int tries = 0; layer[column] != Species.HOST && tries < sizeX; tries++) {
                    column = (column + 1) % (sizeX * sizeY);
                }
                if (layer[column] == Species.HOST) {
                    layer[column] = code;
                }
            }
        }
    }
}
