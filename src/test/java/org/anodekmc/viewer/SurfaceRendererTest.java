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

class SurfaceRendererTest {
    private static final int W = 240;
    private static final int H = 200;
    private static final int N = 8;
    private static final SurfaceRenderer.Camera TOP_DOWN = new SurfaceRenderer.Camera(0, Math.PI / 2, 1, 0, 0);

    /** A bare N×N substrate with one column of {@code h} layers at (x, y). */
    private static HeightMap oneColumn(int x, int y, int h) {
        int[] heights = new int[N * N];
        heights[x + N * y] = h;
        return new HeightMap(new SimpleCubicLattice(N, N, 8), 1, heights, h, new int[N * N]);
    }

    private static int[] draw(HeightMap map, SurfaceRenderer.Camera camera, int top) {
        return new SurfaceRenderer(W, H).render(map, c -> c == 0, top, camera);
    }

    /** Centroid (x, y) and count of the pixels of one colour. */
    private static double[] where(int[] px, int colour) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < px.length; i++) {
            if (px[i] == colour) {
                sx += i % W;
                sy += i / W;
                n++;
            }
        }
        return new double[]{sx / n, sy / n, n};
    }

    @Test
    void seenFromAboveAColumnSitsWhereTheTopViewPutsIt() {
        int colour = ColorScale.metal(3, 3);
        double[] corner = where(draw(oneColumn(N - 1, N - 1, 3), TOP_DOWN, 3), colour);
        assertTrue(corner[2] > 50, "the column's top is drawn");
        assertTrue(corner[0] > W / 2.0 && corner[1] < H / 2.0, "x right, y up: upper right");
        double[] turned = where(draw(oneColumn(N - 1, N - 1, 3), TOP_DOWN.orbit(Math.PI, 0), 3), colour);
        assertTrue(turned[0] < W / 2.0 && turned[1] > H / 2.0, "turned half round: lower left");
    }

    @Test
    void zoomMagnifiesAndPanShifts() {
        int colour = ColorScale.metal(2, 2);
        HeightMap map = oneColumn(3, 4, 2);
        double[] plain = where(draw(map, TOP_DOWN, 2), colour);
        double[] zoomed = where(draw(map, TOP_DOWN.zoomBy(2), 2), colour);
        double ratio = zoomed[2] / plain[2];
        assertTrue(ratio > 3.5 && ratio < 4.5, "twice the zoom, four times the area: " + ratio);
        double[] panned = where(draw(map, TOP_DOWN.panBy(17, -5), 2), colour);
        assertEquals(plain[0] + 17, panned[0], 0.01);
        assertEquals(plain[1] - 5, panned[1], 0.01);
    }

    @Test
    void bareSitesShowAndCoveredOnesAreHidden() {
        int[] bare = draw(oneColumn(5, 5, 1), TOP_DOWN, 1);
        assertTrue(where(bare, ColorScale.SITE)[2] > 50);
        int[] covered = draw(oneColumn(0, 0, 1), TOP_DOWN, 1);
        assertEquals(0, where(covered, ColorScale.SITE)[2]);
    }

    @Test
    void aColumnToppedByDeadMetalShowsItsOwnColour() {
        HeightMap map = oneColumn(3, 4, 2);
        assertEquals(0, where(draw(map, TOP_DOWN, 2), ColorScale.DEAD)[2]);
        map.floating()[3 + N * 4] = 3; // a dead voxel floating just above the column
        assertTrue(where(draw(map, TOP_DOWN, 2), ColorScale.DEAD)[2] > 50, "the top face is orange");
        assertEquals(0, where(draw(map, TOP_DOWN, 2), ColorScale.metal(2, 2))[2]);
    }

    @Test
    void aNearColumnHidesAFarOneBehindIt() {
        // seen from the front (−y) and low, a tall column at y = 1 hides a shorter one at y = 6 in the same x
        int[] heights = new int[N * N];
        heights[4 + N] = 6;
        heights[4 + N * 6] = 2;
        HeightMap map = new HeightMap(new SimpleCubicLattice(N, N, 8), 1, heights, 6, new int[N * N]);
        SurfaceRenderer.Camera low = new SurfaceRenderer.Camera(0, Math.toRadians(10), 1, 0, 0);
        int far = ColorScale.metal(2, 6);
        assertEquals(0, where(draw(map, low, 6), far)[2]);
        heights[4 + N] = 0;
        assertTrue(where(draw(map, low, 6), far)[2] > 0, "visible once the near column is gone");
    }

    @Test
    void wallsAreColouredLayerByLayer() {
        SurfaceRenderer.Camera side = new SurfaceRenderer.Camera(0, Math.toRadians(10), 1, 0, 0);
        int[] px = draw(oneColumn(4, 0, 5), side, 5);
        Set<Integer> colours = new HashSet<>();
        for (int p : px) {
            colours.add(p);
        }
        int layersSeen = 0;
        for (int h = 1; h <= 5; h++) {
            if (colours.contains(ColorScale.shade(ColorScale.metal(h, 5), 0.64))) {
                layersSeen++;
            }
        }
        assertEquals(5, layersSeen, "each of the 5 layers has its colour on the front wall");
    }

    /** Centroid (x, y) and count of the pixels that are a shade of one colour (spheres are shaded). */
    private static double[] whereShaded(int[] px, int colour) {
        int[] shaded = px.clone();
        for (int i = 0; i < px.length; i++) {
            if (isShadeOf(px[i], colour)) {
                shaded[i] = colour;
            }
        }
        return where(shaded, colour);
    }

    /** Whether {@code p} is {@code colour} with every channel scaled by one factor (to rounding). */
    private static boolean isShadeOf(int p, int colour) {
        int bright = colour >> 16 & 0xff;
        double f = ((p >> 16 & 0xff) + 0.5) / Math.max(1, bright);
        for (int shift : new int[]{16, 8, 0}) {
            if (Math.abs((p >> shift & 0xff) - (colour >> shift & 0xff) * f) > 1.5) {
                return false;
            }
        }
        return f > 0.3 && f <= 1.01;
    }

    static List<String> stackedTypes() {
        return Lattice.TYPES.stream().filter(t -> !t.equals("sc")).toList();
    }

    /**
     * The other lattices are drawn as spheres at their sites: seen from above, a tall column near the box's far
     * corner shows its own top colour in the upper right, a lower column its colour elsewhere, and the bare substrate
     * grey around them.
     */
    @ParameterizedTest
    @MethodSource("stackedTypes")
    void stackedLatticesAreDrawnAsSpheresColouredByHeight(String type) {
        Lattice lattice = Lattice.of(type, N, N, 10);
        HandBuiltDeposit deposit = new HandBuiltDeposit(lattice, 1);
        int tall = lattice.columnAt(N - 2, N - 2);
        int low = lattice.columnAt(2, 2);
        for (int z = 1; z <= 5; z++) {
            deposit.set(lattice.site(tall, z), Species.METAL);
        }
        deposit.set(lattice.site(low, 1), Species.METAL).set(lattice.site(low, 2), Species.METAL);
        int[] px = draw(HeightMap.of(deposit), TOP_DOWN, 5);
        double[] top = whereShaded(px, ColorScale.metal(5, 5));
        assertTrue(top[2] > 5, type + ": the tall column's top is drawn");
        assertTrue(top[0] > W / 2.0 && top[1] < H / 2.0, type + ": in the upper right");
        double[] second = whereShaded(px, ColorScale.metal(2, 5));
        assertTrue(second[2] > 5 && second[0] < W / 2.0 && second[1] > H / 2.0, type + ": the low one lower left");
        Set<Integer> greys = new HashSet<>();
        for (int p : px) {
            if ((p & 0xffffff) != 0xffffff && ((p >> 16) & 0xff) == (p & 0xff) && ((p >> 8) & 0xff) == (p & 0xff)) {
                greys.add(p);
            }
        }
        assertTrue(greys.size() > 3, type + ": shaded grey substrate spheres");
    }
}
