package org.anodekmc.viewer;

import org.anodekmc.model.Species;
import org.anodekmc.state.HandBuiltDeposit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopViewTest {
    /** 3×2 columns: (0,0) bare host, (1,0) bare site, (2,0) 1 layer, (0,1) 2 layers on a site, (1,1) 4, (2,1) 0. */
    private static final HeightMap MAP = new HeightMap(3, 2, new int[]{0, 0, 1, 2, 4, 0}, 4, new int[6]);

    private static boolean site(int column) {
        return column == 1 || column == 3;
    }

    @Test
    void oneColourPerColumnWithYPointingUp() {
        int[] px = TopView.render(MAP, TopViewTest::site, 4, 1);
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
        int[] px = TopView.render(MAP, TopViewTest::site, 4, k);
        int width = 3 * k;
        // column (0,1) is a covered site: red in its middle, metal at its border
        assertEquals(ColorScale.SITE, px[(k / 2) * width + k / 2]);
        assertEquals(ColorScale.metal(2, 4), px[0]);
        // column (1,1) is metal on host: no mark
        assertEquals(ColorScale.metal(4, 4), px[(k / 2) * width + k + k / 2]);
        int[] small = TopView.render(MAP, TopViewTest::site, 4, 3);
        assertEquals(ColorScale.metal(2, 4), small[3 * 3 + 1]);
    }

    @Test
    void aColumnToppedByDeadMetalIsOrange() {
        int[] floating = new int[6];
        floating[4] = 6; // a dead voxel floating above the 4 layers of column (1,1)
        int[] px = TopView.render(new HeightMap(3, 2, MAP.heights(), 6, floating), TopViewTest::site, 4, 1);
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
}
