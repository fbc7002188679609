package org.anodekmc.viewer;

import java.util.function.IntPredicate;

/** The deposit seen from straight above: a height colour map, one square of pixels per column, y pointing up. */
final class TopView {
    private TopView() {
    }

    /** Pixels per column for a picture of about {@code size} pixels across (at least 1). */
    static int pixelsPerColumn(HeightMap map, int size) {
        return Math.max(1, size / Math.max(map.sizeX(), map.sizeY()));
    }

    /**
     * ARGB pixels, row-major, (sizeX·k) × (sizeY·k) for k pixels per column. Bare host is grey and bare single-atom
     * sites red, a column topped by dead metal orange; where metal covers a site, a red dot marks it once a column is
     * at least 4 pixels wide.
     */
    static int[] render(HeightMap map, IntPredicate isSite, int colourTop, int k) {
        int nx = map.sizeX();
        int ny = map.sizeY();
        int w = nx * k;
        int[] argb = new int[w * ny * k];
        int dot = k >= 4 ? Math.max(1, k / 3) : 0;
        int dotStart = (k - dot) / 2;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                int c = x + nx * y;
                int h = map.heights()[c];
                boolean site = isSite.test(c);
                int colour = map.floating()[c] > 0 ? ColorScale.DEAD
                        : h == 0 ? site ? ColorScale.SITE : ColorScale.HOST
                        : ColorScale.metal(Math.min(h, colourTop), colourTop);
                int top = (ny - 1 - y) * k;
                for (int r = 0; r < k; r++) {
                    int row = (top + r) * w + x * k;
                    for (int s = 0; s < k; s++) {
                        boolean inDot = site && (h > 0 || map.floating()[c] > 0) && r - dotStart >= 0 && r - dotStart < dot
                                && s - dotStart >= 0 && s - dotStart < dot;
                        argb[row + s] = inDot ? ColorScale.SITE : colour;
                    }
                }
            }
        }
        return argb;
    }
}
