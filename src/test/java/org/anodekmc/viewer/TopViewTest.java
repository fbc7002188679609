package org.anodekmc.viewer;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.lattice.SimpleCubicLattice;
import org.anodekmc.model.Species;
import org.anodekmc.state.HandBuiltDeposit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopViewTest {
    /** 3×2 columns: (0,0) bare host, (1,0) bare site, (2,0) 1 layer, (0,1) 2 layers on a site, (1,1) 4, (2,1) 0. */
    private static final Lattice GRID = new SimpleCubicLattice(3, 2, 5);
    private static final HeightMap MAP = new HeightMap(GRID, 1, new int[]{0, 0, 1, 2, 4, 0}, 4, new int[6]);

    /** The simple cubic top view at k pixels per column. */
    private static int[] render(HeightMap map, int k) {
        return TopView.render(map, TopViewTest::site, 4, TopView.Layout.of(map.lattice(), k));
    }

    static List<String> types() {
        return Lattice.TYPES;
    }

    private static boolean site(int column) {
        return column == 1 || column == 3;
    }

    @Test
    void oneColourPerColumnWithYPointingUp() {
        int[] px = render(MAP, 1);
        assertEquals(6, px.length);
        // image row 0 is y = 1, the top of the picture
        assertEquals(ColorScale.metal(2, 4), px[0]);
        assertEquals(ColorScale.metal(4, 4), px[1]);
        assertEquals(ColorScale.HOST, px[2]);
        assertEquals(ColorScale.HOST, px[3]);
        assertEquals(ColorScale.SITE, px[4]);
        assertEquals(ColorScale.metal(1, 4), px[5]);
    }

    @Test
    void aCoveredSiteGetsAMarkOnceColumnsAreWideEnough() {
        int k = 6;
        int[] px = render(MAP, k);
        int width = 3 * k;
        // column (0,1) is a covered site: red in its middle, metal at its border
        assertEquals(ColorScale.SITE, px[(k / 2) * width + k / 2]);
        assertEquals(ColorScale.metal(2, 4), px[0]);
        // column (1,1) is metal on host: no mark
        assertEquals(ColorScale.metal(4, 4), px[(k / 2) * width + k + k / 2]);
        int[] small = render(MAP, 3);
        assertEquals(ColorScale.metal(2, 4), small[3 * 3 + 1]);
    }

    @Test
    void aColumnToppedByDeadMetalIsOrange() {
        int[] floating = new int[6];
        floating[4] = 6; // a dead voxel floating above the 4 layers of column (1,1)
        int[] px = TopView.render(new HeightMap(GRID, 1, MAP.heights(), 6, floating), TopViewTest::site, 4,
                TopView.Layout.of(GRID, 1));
        assertEquals(ColorScale.DEAD, px[1]);
        assertEquals(ColorScale.metal(2, 4), px[0]);
    }

    @Test
    void deadMetalAboveTheLiveColumnFloatsOverIt() {
        // one column of 4 layers: live metal in layer 0, layer 1 empty, dead metal in layers 2 and 3
        HandBuiltDeposit deposit = new HandBuiltDeposit(1, 1, 5, 1).set(0, 0, 1, Species.METAL)
                .set(0, 0, 3, Species.DEAD).set(0, 0, 4, Species.DEAD);
        HeightMap map = HeightMap.of(deposit);
        assertEquals(1, map.heights()[0]);
        assertEquals(4, map.floating()[0]);
        assertEquals(4, map.max());
        HeightMap live = HeightMap.of(deposit.set(0, 0, 2, Species.METAL).set(0, 0, 3, Species.METAL)
                .set(0, 0, 4, Species.EMPTY));
        assertEquals(3, live.heights()[0]);
        assertEquals(0, live.floating()[0]);
    }

    @Test
    void theColourScaleRunsFromDarkToLight() {
        int low = ColorScale.metal(1, 10);
        int high = ColorScale.metal(10, 10);
        assertEquals(0xff440154, low);
        assertEquals(0xfffde725, high);
        double previous = -1;
        for (int h = 1; h <= 10; h++) {
            int c = ColorScale.metal(h, 10);
            double luma = 0.299 * (c >> 16 & 0xff) + 0.587 * (c >> 8 & 0xff) + 0.114 * (c & 0xff);
            assertEquals(true, luma > previous, "brighter at height " + h);
            previous = luma;
        }
    }

    /**
     * On every lattice each pixel shows the column whose site (bottom layer) is nearest to it in the plane, found here
     * by trying every column; columns of different heights get different colours, and the pixel over a column's site
     * shows that column.
     */
    @ParameterizedTest
    @MethodSource("types")
    void everyLatticeIsDrawnOnItsTruePositionsColouredByHeight(String type) {
        Lattice lattice = Lattice.of(type, 8, 6, 12);
        HandBuiltDeposit deposit = new HandBuiltDeposit(lattice, 1);
        int top = 7;
        for (int c = 0; c < lattice.columns(); c++) {
            for (int z = 1; z <= 1 + c % top; z++) {
                deposit.set(lattice.site(c, z), Species.METAL);
            }
        }
        HeightMap map = HeightMap.of(deposit);
        int unit = TopView.pixelsPerUnit(lattice, 120);
        TopView.Layout layout = TopView.Layout.of(lattice, unit);
        int[] px = TopView.render(map, c -> false, top, layout);
        Lattice.Point box = lattice.boxSize();
        assertEquals((int) Math.ceil(box.x() * unit), layout.width(), type);
        assertEquals((int) Math.ceil(box.y() * unit), layout.height(), type);
        assertTrue(Math.max(layout.width(), layout.height()) <= 120, type);
        Set<Integer> colours = new HashSet<>();
        int checked = 0;
        for (int row = 0; row < layout.height(); row++) {
            for (int x = 0; x < layout.width(); x++) {
                double[] nearest = nearestTwo(lattice, (x + 0.5) / unit, (layout.height() - row - 0.5) / unit);
                int colour = px[row * layout.width() + x];
                colours.add(colour);
                if (nearest[2] - nearest[1] > 1e-6) { // not on the border between two columns
                    int c = (int) nearest[0];
                    assertEquals(ColorScale.metal(map.heights()[c], top), colour, type + " pixel " + x + ", " + row);
                    checked++;
                }
            }
        }
        assertTrue(checked > px.length * 0.8, type);
        assertEquals(top, colours.size(), type + ": one colour per height");
    }

    /** The column nearest to a point in the plane, its distance, and the distance of the next nearest. */
    private static double[] nearestTwo(Lattice lattice, double x, double y) {
        Lattice.Point box = lattice.boxSize();
        double[] best = {-1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int c = 0; c < lattice.columns(); c++) {
            Lattice.Point p = lattice.position(lattice.site(c, 0));
            double dx = Math.abs(p.x() - x) % box.x();
            double dy = Math.abs(p.y() - y) % box.y();
            double d = Math.hypot(Math.min(dx, box.x() - dx), Math.min(dy, box.y() - dy));
            if (d < best[1]) {
                best = new double[]{c, d, best[1]};
            } else if (d < best[2]) {
                best[2] = d;
            }
        }
        return best;
    }
}
