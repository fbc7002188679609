package org.anodekmc.viewer;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.lattice.SimpleCubicLattice;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Draws the deposit in 3D into an ARGB pixel array, with an orthographic camera and a depth buffer. On simple cubic,
 * whose sites are cubes that fill the box, as voxel columns (a top face per column, walls where a neighbour is lower,
 * a substrate slab underneath); on the other lattices as touching spheres at the sites' Cartesian positions (the
 * two top atoms of every column, the atoms of its sides that stand above a neighbouring column, all atoms of the
 * columns on the box's edges, and the substrate's top layer).
 * <p>
 * It is drawn in software rather than with JavaFX 3D because JavaFX has no 3D without a GPU pipeline, and the
 * headless {@code kmc render} must make the same picture as the window. Each face is a parallelogram on screen, so
 * it is filled through its two edge parameters (u, v), from which depth, colour and voxel edges follow.
 */
final class SurfaceRenderer {
    /**
     * @param yaw   rotation about the vertical axis, radians
     * @param pitch elevation of the view above the horizontal, radians (π/2 looks straight down)
     * @param zoom  magnification over the view that fits the whole box
     * @param panX  shift of the picture, pixels
     */
    record Camera(double yaw, double pitch, double zoom, double panX, double panY) {
        static final Camera DEFAULT = new Camera(Math.toRadians(-35), Math.toRadians(40), 1, 0, 0);
        private static final double MIN_PITCH = Math.toRadians(5);

        Camera orbit(double dYaw, double dPitch) {
            double p = Math.max(MIN_PITCH, Math.min(Math.PI / 2, pitch + dPitch));
            return new Camera(yaw + dYaw, p, zoom, panX, panY);
        }

        Camera zoomBy(double factor) {
            return new Camera(yaw, pitch, Math.max(0.2, Math.min(64, zoom * factor)), panX, panY);
        }

        Camera panBy(double dx, double dy) {
            return new Camera(yaw, pitch, zoom, panX + dx, panY + dy);
        }
    }

    private static final double TOP_SHADE = 1.0;
    private static final double X_WALL_SHADE = 0.8;
    private static final double Y_WALL_SHADE = 0.64;
    private static final double EDGE_SHADE = 0.72;
    private static final double MIN_EDGE_PIXELS = 5;
    private static final double INSIDE_TOLERANCE = 1e-4;
    private static final double SPHERE_AMBIENT = 0.45;
    /** Unit vector towards the light, screen axes (x right, y up, z towards the viewer). */
    private static final double LIGHT_X = -0.45;
    private static final double LIGHT_Y = 0.55;
    private static final double LIGHT_Z = Math.sqrt(1 - LIGHT_X * LIGHT_X - LIGHT_Y * LIGHT_Y);

    private final int width;
    private final int height;
    private final int[] argb;
    private final float[] depth;

    // view of the current picture
    private double scale;
    private double cosYaw;
    private double sinYaw;
    private double cosPitch;
    private double sinPitch;
    private double centreX;
    private double centreY;
    private double centreZ;
    private double originX;
    private double originY;

    // projection of the last point
    private double sx;
    private double sy;
    private double sd;

    SurfaceRenderer(int width, int height) {
        this.width = width;
        this.height = height;
        argb = new int[width * height];
        depth = new float[width * height];
    }

    /**
     * Draws the height map and returns the pixels (row-major, width × height; the array is reused by the next call).
     *
     * @param isSite    whether the substrate under a column is a single-atom site
     * @param colourTop height at the top of the colour scale, layers; also fixes the framing, so it does not jump
     *                  between frames
     */
    int[] render(HeightMap map, IntPredicate isSite, int colourTop, Camera camera) {
        Arrays.fill(argb, ColorScale.BACKGROUND);
        Arrays.fill(depth, Float.POSITIVE_INFINITY);
        int nx = map.sizeX();
        int ny = map.sizeY();
        Lattice lattice = map.lattice();
        Lattice.Point box = lattice.boxSize();
        double layer = box.z() / lattice.sizeZ();
        double slab = Math.max(layer, 0.03 * Math.max(box.x(), box.y()));
        setView(camera, box.x(), box.y(), colourTop * layer, slab);

        int[][] metal = new int[3][colourTop + 1];
        int[][] metalEdge = new int[3][colourTop + 1];
        double[] shades = {TOP_SHADE, X_WALL_SHADE, Y_WALL_SHADE};
        for (int s = 0; s < 3; s++) {
            for (int h = 1; h <= colourTop; h++) {
                metal[s][h] = ColorScale.shade(ColorScale.metal(h, colourTop), shades[s]);
                metalEdge[s][h] = ColorScale.shade(metal[s][h], EDGE_SHADE);
            }
        }
        if (!(lattice instanceof SimpleCubicLattice)) {
            spheres(map, isSite, colourTop, metal[0], layer);
            return argb;
        }
        // a wall faces the viewer when its outward normal, turned by the yaw, points towards the viewer (−y')
        boolean plusX = sinYaw < 0;
        boolean plusY = cosYaw < 0;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                int c = x + nx * y;
                int h = map.heights()[c];
                if (h == 0) {
                    int colour = isSite.test(c) ? ColorScale.SITE : ColorScale.HOST;
                    face(x, y, 0, 1, 0, 0, 0, 1, 0, colour, ColorScale.shade(colour, EDGE_SHADE), null, null, 0, 1);
                } else {
                    int top = Math.min(h, colourTop);
                    face(x, y, h, 1, 0, 0, 0, 1, 0, metal[0][top], metalEdge[0][top], null, null, 0, 1);
                }
                int xNeighbour = plusX ? x + 1 : x - 1;
                int wallX = plusX ? x + 1 : x;
                int hx = xNeighbour < 0 || xNeighbour >= nx ? -1 : map.height(xNeighbour, y);
                wall(wallX, y, 0, 1, h, hx, slab, metal[1], metalEdge[1], X_WALL_SHADE);
                int yNeighbour = plusY ? y + 1 : y - 1;
                int wallY = plusY ? y + 1 : y;
                int hy = yNeighbour < 0 || yNeighbour >= ny ? -1 : map.height(x, yNeighbour);
                wall(x, wallY, 1, 0, h, hy, slab, metal[2], metalEdge[2], Y_WALL_SHADE);
                if (map.floating()[c] > 0) {
                    deadVoxel(x, y, map.floating()[c], plusX, plusY);
                }
            }
        }
        return argb;
    }

    /** A voxel of dead metal whose top is at height {@code z}, floating above its column: its top and two walls. */
    private void deadVoxel(int x, int y, int z, boolean plusX, boolean plusY) {
        double[] shades = {TOP_SHADE, X_WALL_SHADE, Y_WALL_SHADE};
        int[] colour = new int[3];
        for (int s = 0; s < 3; s++) {
            colour[s] = ColorScale.shade(ColorScale.DEAD, shades[s]);
        }
        face(x, y, z, 1, 0, 0, 0, 1, 0, colour[0], ColorScale.shade(colour[0], EDGE_SHADE), null, null, 0, 1);
        face(plusX ? x + 1 : x, y, z - 1, 0, 1, 0, 0, 0, 1, colour[1], ColorScale.shade(colour[1], EDGE_SHADE), null,
                null, 0, 1);
        face(x, plusY ? y + 1 : y, z - 1, 1, 0, 0, 0, 0, 1, colour[2], ColorScale.shade(colour[2], EDGE_SHADE), null,
                null, 0, 1);
    }

    /**
     * The wall on one side of a column down to its neighbour's height; a neighbour height of −1 means the edge of the
     * box, where the wall goes down through the substrate slab too.
     */
    private void wall(int x, int y, int ex, int ey, int h, int neighbour, double slab, int[] palette, int[] edges,
                      double shade) {
        if (h > neighbour && h > 0) {
            int from = Math.max(neighbour, 0);
            face(x, y, from, ex, ey, 0, 0, 0, h - from, 0, 0, palette, edges, from, h - from);
        }
        if (neighbour < 0) {
            int colour = ColorScale.shade(ColorScale.HOST, shade * 0.85);
            face(x, y, -slab, ex, ey, 0, 0, 0, slab, colour, colour, null, null, 0, 1);
        }
    }

    /** The sites as spheres: see the class comment for which. Heights are measured from the substrate's top face. */
    private void spheres(HeightMap map, IntPredicate isSite, int colourTop, int[] palette, double layer) {
        Lattice lattice = map.lattice();
        int base = map.surfaceZ();
        double surface = base * layer;
        double radius = nearestDistance(lattice) / 2;
        for (int c = 0; c < lattice.columns(); c++) {
            int h = map.heights()[c];
            int substrate = isSite.test(c) && h == 0 ? ColorScale.SITE : ColorScale.HOST;
            sphere(lattice.position(lattice.site(c, base - 1)), surface, radius, substrate);
            int x = lattice.columnX(c);
            int y = lattice.columnY(c);
            boolean edge = x == 0 || y == 0 || x == lattice.sizeX() - 1 || y == lattice.sizeY() - 1;
            int lowest = edge ? 0 : h;
            for (int d = 0; d < lattice.coordination(); d++) {
                int n = lattice.neighbourColumn(c, base, d);
                if (n != c) {
                    lowest = Math.min(lowest, map.heights()[n]);
                }
            }
            // the layer under the top too: its atoms fill the gaps between the top atoms of neighbouring columns
            for (int k = Math.max(0, Math.min(lowest, h - 2)); k < h; k++) {
                sphere(lattice.position(lattice.site(c, base + k)), surface, radius,
                        palette[Math.min(k + 1, colourTop)]);
            }
            if (map.floating()[c] > 0) {
                sphere(lattice.position(lattice.site(c, base + map.floating()[c] - 1)), surface, radius,
                        ColorScale.DEAD);
            }
        }
    }

    /** First-shell distance, from the positions of a site and a neighbour in its layer or the one above. */
    private static double nearestDistance(Lattice lattice) {
        int site = lattice.site(0, 0);
        Lattice.Point box = lattice.boxSize();
        for (int d = 0; d < lattice.coordination(); d++) {
            if (lattice.dz(d) >= 0) {
                Lattice.Point a = lattice.position(site);
                Lattice.Point b = lattice.position(lattice.neighbour(site, d));
                double dx = Math.abs(a.x() - b.x());
                double dy = Math.abs(a.y() - b.y());
                return Math.sqrt(Math.pow(Math.min(dx, box.x() - dx), 2) + Math.pow(Math.min(dy, box.y() - dy), 2)
                        + Math.pow(a.z() - b.z(), 2));
            }
        }
        throw new IllegalStateException(lattice.type() + ": no first-shell neighbour in the layer or above");
    }

    /** A shaded sphere about a site's position, its height taken from {@code surface} up. */
    private void sphere(Lattice.Point centre, double surface, double radius, int colour) {
        project(centre.x(), centre.y(), centre.z() - surface);
        double r = radius * scale;
        int minX = (int) Math.max(0, Math.floor(sx - r));
        int maxX = (int) Math.min(width - 1, Math.ceil(sx + r));
        int minY = (int) Math.max(0, Math.floor(sy - r));
        int maxY = (int) Math.min(height - 1, Math.ceil(sy + r));
        for (int py = minY; py <= maxY; py++) {
            double dy = py + 0.5 - sy;
            for (int px = minX; px <= maxX; px++) {
                double dx = px + 0.5 - sx;
                double q = r * r - dx * dx - dy * dy;
                if (q < 0) {
                    continue;
                }
                double towardsViewer = Math.sqrt(q);
                float d = (float) (sd - towardsViewer / scale);
                int i = py * width + px;
                if (d >= depth[i]) {
                    continue;
                }
                depth[i] = d;
                // light from the upper left, in front: screen x right, y down, z towards the viewer
                double light = (LIGHT_X * dx - LIGHT_Y * dy + LIGHT_Z * towardsViewer) / r;
                argb[i] = ColorScale.shade(colour, SPHERE_AMBIENT + (1 - SPHERE_AMBIENT) * Math.max(0, light));
            }
        }
    }

    private void setView(Camera camera, double nx, double ny, double colourTop, double slab) {
        cosYaw = Math.cos(camera.yaw());
        sinYaw = Math.sin(camera.yaw());
        cosPitch = Math.cos(camera.pitch());
        sinPitch = Math.sin(camera.pitch());
        centreX = nx / 2.0;
        centreY = ny / 2.0;
        centreZ = (colourTop - slab) / 2.0;
        double diagonal = Math.hypot(nx, ny);
        double fit = 0.92 * Math.min(width / diagonal,
                height / (diagonal * sinPitch + (colourTop + slab) * cosPitch));
        scale = fit * camera.zoom();
        originX = width / 2.0 + camera.panX();
        originY = height / 2.0 + camera.panY();
    }

    private void project(double x, double y, double z) {
        double dx = x - centreX;
        double dy = y - centreY;
        double xr = cosYaw * dx - sinYaw * dy;
        double yr = sinYaw * dx + cosYaw * dy;
        double dz = z - centreZ;
        sx = originX + scale * xr;
        sy = originY - scale * (dz * cosPitch + yr * sinPitch);
        sd = yr * cosPitch - dz * sinPitch;
    }

    /**
     * Fills the parallelogram p0, p0 + e, p0 + f. Its colour is {@code colour}, or, when a palette is given, the
     * palette entry of the layer at each pixel (layer t = tBase + v·tSpan, v the parameter along f). Voxel edges
     * (u near 0 or 1, t near a whole number) are drawn darker once they are far enough apart on screen.
     */
    private void face(double x0, double y0, double z0, double ex, double ey, double ez, double fx, double fy,
                      double fz, int colour, int edgeColour, int[] palette, int[] edgePalette, double tBase,
                      double tSpan) {
        project(x0, y0, z0);
        double px0 = sx;
        double py0 = sy;
        double d0 = sd;
        project(x0 + ex, y0 + ey, z0 + ez);
        double px1 = sx;
        double py1 = sy;
        double d1 = sd;
        project(x0 + fx, y0 + fy, z0 + fz);
        double px3 = sx;
        double py3 = sy;
        double d3 = sd;
        double ux = px1 - px0;
        double uy = py1 - py0;
        double vx = px3 - px0;
        double vy = py3 - py0;
        double det = ux * vy - vx * uy;
        if (Math.abs(det) < 1e-9) {
            return; // seen edge-on
        }
        int minX = (int) Math.max(0, Math.floor(Math.min(Math.min(px0, px1), Math.min(px3, px1 + vx))));
        int maxX = (int) Math.min(width - 1, Math.ceil(Math.max(Math.max(px0, px1), Math.max(px3, px1 + vx))));
        int minY = (int) Math.max(0, Math.floor(Math.min(Math.min(py0, py1), Math.min(py3, py1 + vy))));
        int maxY = (int) Math.min(height - 1, Math.ceil(Math.max(Math.max(py0, py1), Math.max(py3, py1 + vy))));
        if (minX > maxX || minY > maxY) {
            return;
        }
        // u and v as affine functions of the pixel position
        double uPerX = vy / det;
        double uPerY = -vx / det;
        double vPerX = -uy / det;
        double vPerY = ux / det;
        double uEdge = edgeWidth(Math.hypot(ux, uy));
        double tEdge = edgeWidth(Math.hypot(vx, vy) / tSpan);
        double dd1 = d1 - d0;
        double dd3 = d3 - d0;
        int lastLayer = palette == null ? 0 : palette.length - 1;
        for (int py = minY; py <= maxY; py++) {
            double ry = py + 0.5 - py0;
            double rx = minX + 0.5 - px0;
            double u = rx * uPerX + ry * uPerY;
            double v = rx * vPerX + ry * vPerY;
            int row = py * width;
            for (int px = minX; px <= maxX; px++, u += uPerX, v += vPerX) {
                if (u < -INSIDE_TOLERANCE || u > 1 + INSIDE_TOLERANCE || v < -INSIDE_TOLERANCE
                        || v > 1 + INSIDE_TOLERANCE) {
                    continue;
                }
                int i = row + px;
                float d = (float) (d0 + u * dd1 + v * dd3);
                if (d >= depth[i]) {
                    continue;
                }
                depth[i] = d;
                double t = tBase + v * tSpan;
                double tFraction = t - Math.floor(t);
                boolean edge = u < uEdge || u > 1 - uEdge || tFraction < tEdge || tFraction > 1 - tEdge;
                if (palette == null) {
                    argb[i] = edge ? edgeColour : colour;
                } else {
                    int layer = Math.max(1, Math.min(lastLayer, (int) Math.ceil(t)));
                    argb[i] = edge ? edgePalette[layer] : palette[layer];
                }
            }
        }
    }

    /** Width of the darker voxel edge in face parameter units; none when the voxels are too small on screen. */
    private static double edgeWidth(double pixelsPerUnit) {
        return pixelsPerUnit < MIN_EDGE_PIXELS ? -1 : 0.5 / pixelsPerUnit;
    }
}
