package org.anodekmc.viewer;

import org.anodekmc.lattice.Lattice;

import java.util.function.IntPredicate;

/**
 * The deposit seen from straight above: a height colour map, y pointing up, in which every pixel shows the column
 * whose site lies nearest to it in the plane: squares on the square grids (sc, bcc and fcc (001)), hexagons on the
 * triangular layers of fcc (111) and hcp (0001), the shifted rows of bcc (110) and hcp (11̄20) as they are.
 */
final class TopView {
    /**
     * The picture's geometry, the same for every frame of a run.
     *
     * @param column per pixel (row-major, row 0 at the top), the column it shows
     * @param mark   per pixel, whether it lies in the dot that marks a single-atom site under metal
     */
    record Layout(int width, int height, int[] column, boolean[] mark) {
        /** Columns at least this many pixels apart get a dot on a covered single-atom site. */
        static final double MARKED_FROM = 4;

        /**
         * @param pixelsPerUnit pixels per length unit of the lattice's positions (per site on simple cubic)
         */
        static Layout of(Lattice lattice, int pixelsPerUnit) {
            Lattice.Point box = lattice.boxSize();
            double boxX = box.x() * pixelsPerUnit;
            double boxY = box.y() * pixelsPerUnit;
            double[] cx = new double[lattice.columns()];
            double[] cy = new double[cx.length];
            for (int c = 0; c < cx.length; c++) {
                Lattice.Point p = lattice.position(lattice.site(c, 0));
                cx[c] = p.x() * pixelsPerUnit;
                cy[c] = p.y() * pixelsPerUnit;
            }
            double stepX = boxX / lattice.sizeX();
            double stepY = boxY / lattice.sizeY();
            int width = (int) Math.ceil(boxX);
            int height = (int) Math.ceil(boxY);
            int[] column = new int[width * height];
            double[] distance = new double[column.length];
            for (int row = 0; row < height; row++) {
                double y = height - row - 0.5;
                for (int px = 0; px < width; px++) {
                    double x = px + 0.5;
                    int guessX = (int) (x / stepX);
                    int guessY = (int) (y / stepY);
                    double best = Double.POSITIVE_INFINITY;
                    // the nearest site lies within two columns and rows of the grid cell the pixel falls in
                    for (int dy = -2; dy <= 2; dy++) {
                        for (int dx = -2; dx <= 2; dx++) {
                            int c = lattice.columnAt(Math.floorMod(guessX + dx, lattice.sizeX()),
                                    Math.floorMod(guessY + dy, lattice.sizeY()));
                            double d = periodic(cx[c] - x, boxX) * periodic(cx[c] - x, boxX)
                                    + periodic(cy[c] - y, boxY) * periodic(cy[c] - y, boxY);
                            if (d < best) {
                                best = d;
                                column[row * width + px] = c;
                            }
                        }
                    }
                    distance[row * width + px] = Math.sqrt(best);
                }
            }
            double spacing = nearestSpacing(lattice, cx, cy, boxX, boxY);
            boolean[] mark = new boolean[column.length];
            if (spacing >= MARKED_FROM) {
                for (int i = 0; i < mark.length; i++) {
                    mark[i] = distance[i] <= spacing / 6 + 0.5;
                }
            }
            return new Layout(width, height, column, mark);
        }

        /** Pixels from column 0 to its nearest neighbour column in the plane. */
        private static double nearestSpacing(Lattice lattice, double[] cx, double[] cy, double boxX, double boxY) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int dy = -2; dy <= 2; dy++) {
                for (int dx = -2; dx <= 2; dx++) {
                    int c = lattice.columnAt(Math.floorMod(dx, lattice.sizeX()), Math.floorMod(dy, lattice.sizeY()));
                    double d = Math.hypot(periodic(cx[c] - cx[0], boxX), periodic(cy[c] - cy[0], boxY));
                    if (c != 0 && d > 0) {
                        nearest = Math.min(nearest, d);
                    }
                }
            }
            return nearest;
        }

        /** The shortest of d and its periodic images. */
        private static double periodic(double d, double period) {
            return d - period * Math.rint(d / period);
        }
    }

    private TopView() {
    }

    /** Pixels per length unit of the lattice for a picture of about {@code size} pixels across (at least 1). */
    static int pixelsPerUnit(Lattice lattice, int size) {
        Lattice.Point box = lattice.boxSize();
        return Math.max(1, (int) (size / Math.max(box.x(), box.y())));
    }

    /**
     * ARGB pixels of the layout. Bare host is grey and bare single-atom sites red, a column topped by dead metal
     * orange; where metal covers a site, a red dot marks it once columns are far enough apart.
     */
    static int[] render(HeightMap map, IntPredicate isSite, int colourTop, Layout layout) {
        int[] argb = new int[layout.column().length];
        for (int i = 0; i < argb.length; i++) {
            int c = layout.column()[i];
            int h = map.heights()[c];
            boolean site = isSite.test(c);
            if (site && layout.mark()[i] && (h > 0 || map.floating()[c] > 0)) {
                argb[i] = ColorScale.SITE;
            } else {
                argb[i] = map.floating()[c] > 0 ? ColorScale.DEAD
                        : h == 0 ? site ? ColorScale.SITE : ColorScale.HOST
                        : ColorScale.metal(Math.min(h, colourTop), colourTop);
            }
        }
        return argb;
    }
}
