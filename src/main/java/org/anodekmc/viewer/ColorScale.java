package org.anodekmc.viewer;

/**
 * Colours of the deposit: metal by height on the perceptually uniform viridis scale, the bare substrate in grey,
 * bare single-atom sites in red and dead metal in orange (none of them on the viridis scale), so the eye can tell
 * metal, host, sites and dead metal apart in both views.
 */
final class ColorScale {
    /** viridis at ten evenly spaced points from 0 to 1 */
    private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779,
            0x6ece58, 0xb5de2b, 0xfde725};
    static final int HOST = 0xffb4b4b4;
    static final int SITE = 0xffe4002b;
    static final int BACKGROUND = 0xffffffff;
    static final int DEAD = 0xffff8c00;

    private ColorScale() {
    }

    /** ARGB of a metal column or voxel top at {@code height} layers, on a scale that ends at {@code top} layers. */
    static int metal(int height, int top) {
        return viridis(top <= 1 ? 1 : (height - 1) / (double) (top - 1));
    }

    /** ARGB of the viridis scale at {@code f} (clamped to 0..1). */
    static int viridis(double f) {
        double x = Math.max(0, Math.min(1, f)) * (VIRIDIS.length - 1);
        int i = Math.min((int) x, VIRIDIS.length - 2);
        double t = x - i;
        int a = VIRIDIS[i];
        int b = VIRIDIS[i + 1];
        int r = (int) Math.round((a >> 16 & 0xff) * (1 - t) + (b >> 16 & 0xff) * t);
        int g = (int) Math.round((a >> 8 & 0xff) * (1 - t) + (b >> 8 & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return 0xff000000 | r << 16 | g << 8 | bl;
    }

    /** The colour with its channels scaled by {@code factor} (0..1), for shading. */
    static int shade(int argb, double factor) {
        int r = (int) ((argb >> 16 & 0xff) * factor);
        int g = (int) ((argb >> 8 & 0xff) * factor);
        int b = (int) ((argb & 0xff) * factor);
        return 0xff000000 | r << 16 | g << 8 | b;
    }
}
