package org.anodekmc.lattice;

import java.util.Arrays;

/**
 * The bcc, fcc and hcp lattices, each as a stack of identical planar layers parallel to the substrate. A layer is a
 * grid of sizeX × sizeY columns: column (x, y) lies at ((x + (y mod 2)·rowShift)·columnStep, y·rowStep) plus the
 * layer's stacking offset, which repeats with the stacking period (ABAB…, ABCABC…). Square layers have rowShift 0,
 * triangular and centred-rectangular ones rowShift ½ (odd rows sit half a step to the right, so sizeY must be even
 * for the rows to wrap around), hcp1120's rowShift ⅔. Every direction is a Cartesian vector per stacking phase (and
 * row parity, which only hcp1120 needs); the column offsets it leads to are derived from those vectors once, when the
 * lattice is built, and checked to land on a site.
 *
 * <p>Lengths are in the lattice's conventional constant: the cubic edge a for bcc and fcc, the basal a for hcp.
 */
public final class StackedLattice extends LayeredBox {
    public static final String BCC001 = "bcc001";
    public static final String BCC110 = "bcc110";
    public static final String FCC001 = "fcc001";
    public static final String FCC111 = "fcc111";
    public static final String HCP0001 = "hcp0001";
    public static final String HCP1120 = "hcp1120";
    /** How the type name of hcp with another c/a than the ideal one goes on: hcp0001(c/a=1.856). */
    private static final String C_OVER_A = "(c/a=";
    /** c/a of close-packed spheres, √(8/3). */
    public static final double IDEAL_C_OVER_A = Math.sqrt(8.0 / 3);
    private static final double EPS = 1e-9;

    /**
     * How a lattice is stacked; lengths in its conventional constant.
     *
     * @param offsets   per stacking phase, the in-plane offset of the layer in column and row steps
     * @param vectors   per stacking phase and row parity, the Cartesian step of each direction; first shell first.
     *                  Only hcp1120 has rows of two kinds (its even and odd rows are mirror images); a direction
     *                  changes z alike from every site.
     * @param firstShell number of first-shell directions
     */
    private record Geometry(String type, double columnStep, double rowStep, double rowShift, double layerStep,
                            double[][] offsets, double[][][][] vectors, int firstShell) {
    }

    private final Geometry g;
    private final int directions;
    private final int period;
    /**
     * Per {@link #step(int, int, int) stacking phase, row parity and direction}: the step in columns and in rows (the
     * step in layers is {@link #dz}); one flat array each, since a neighbour is the engine's most frequent lookup.
     */
    private final int[] stepX;
    private final int[] stepY;
    /**
     * log2(sizeX), and log2(columns), when sizeX and sizeY are both powers of two (else −1): a site number is then the
     * bit fields z | y | x and a neighbour needs no division. The y steps shifted into their field.
     */
    private final int xBits;
    private final int columnBits;
    private final int[] stepYField;
    /** {@link #sharedNeighbours}, kept like the steps. */
    private final int[] shared;
    private final int[] dz;
    private final int[] reverse;
    /** Per second-shell direction: the two first-shell directions (from the mover) of its bridge sites. */
    private final int[][] bridges;

    private StackedLattice(Geometry g, int sizeX, int sizeY, int sizeZ) {
        super(sizeX, sizeY, sizeZ);
        if (sizeX < 3 || sizeY < 3 || sizeZ < 1) {
            throw new IllegalArgumentException(g.type + " lattice: sizes x and y must be at least 3 (so that no two "
                    + "neighbours of a site coincide) and z at least 1, got " + sizeX + " × " + sizeY + " × " + sizeZ);
        }
        if (g.rowShift != 0 && sizeY % 2 != 0) {
            throw new IllegalArgumentException(g.type + " lattice: size y must be even (its layers shift every other "
                    + "row by half a step, so an odd number of rows does not wrap around), got " + sizeY);
        }
        this.g = g;
        period = g.offsets.length;
        directions = g.vectors[0][0].length;
        stepX = new int[period * 2 * directions];
        stepY = new int[period * 2 * directions];
        dz = new int[directions];
        for (int d = 0; d < directions; d++) {
            dz[d] = whole(g.vectors[0][0][d][2] / g.layerStep, "dz");
            for (int phase = 0; phase < period; phase++) {
                for (int parity = 0; parity < 2; parity++) {
                    double[] v = g.vectors[phase][parity][d];
                    if (whole(v[2] / g.layerStep, "dz") != dz[d]) {
                        throw new IllegalStateException(g.type + ": direction " + d
                                + " changes z unlike from elsewhere");
                    }
                    int target = Math.floorMod(phase + dz[d], period);
                    int y = whole(parity + g.offsets[phase][1] + v[1] / g.rowStep - g.offsets[target][1], "row");
                    double x = parity * g.rowShift + g.offsets[phase][0] + v[0] / g.columnStep;
                    int k = step(phase, parity, d);
                    stepX[k] = whole(x - Math.floorMod(y, 2) * g.rowShift - g.offsets[target][0], "column");
                    stepY[k] = y - parity;
                    requireBelow(stepX[k], sizeX, "x");
                    requireBelow(stepY[k], sizeY, "y");
                }
            }
        }
        boolean powersOfTwo = Integer.bitCount(sizeX) == 1 && Integer.bitCount(sizeY) == 1;
        xBits = powersOfTwo ? Integer.numberOfTrailingZeros(sizeX) : -1;
        columnBits = powersOfTwo ? Integer.numberOfTrailingZeros(columns) : -1;
        stepYField = new int[stepY.length];
        for (int k = 0; k < stepY.length; k++) {
            stepYField[k] = stepY[k] * sizeX;
        }
        shared = new int[stepX.length];
        for (int phase = 0; phase < period; phase++) {
            for (int parity = 0; parity < 2; parity++) {
                for (int d = 0; d < directions; d++) {
                    // a site of this phase and row parity, as many layers above 0 as two steps can descend
                    shared[step(phase, parity, d)] = sharedNeighboursOf(site(parity * sizeX, 4 * period + phase), d);
                }
            }
        }
        reverse = new int[directions];
        for (int d = 0; d < directions; d++) {
            reverse[d] = opposite(d);
        }
        bridges = new int[directions][];
        for (int d = g.firstShell; d < directions; d++) {
            bridges[d] = bridgeDirections(d);
        }
    }

    /** Where the steps of a direction from a site of this stacking phase and row parity are kept. */
    private int step(int phase, int parity, int direction) {
        return (phase * 2 + parity) * directions + direction;
    }

    /** {@link #wrap} brings a neighbour back into the box only if no step spans the box. */
    private void requireBelow(int step, int size, String axis) {
        if (Math.abs(step) >= size) {
            throw new IllegalArgumentException(g.type + " lattice: size " + axis + " must exceed the longest step of a "
                    + "neighbour, " + Math.abs(step) + ", got " + size);
        }
    }

    private static int whole(double value, String what) {
        long r = Math.round(value);
        if (Math.abs(value - r) > EPS) {
            throw new IllegalStateException("a direction vector does not land on a site (" + what + " " + value + ")");
        }
        return (int) r;
    }

    /** The direction whose vector, at every phase and row parity the move can land on, is minus this one's. */
    private int opposite(int d) {
        for (int e = 0; e < directions; e++) {
            boolean all = true;
            for (int phase = 0; phase < g.offsets.length; phase++) {
                for (int parity = 0; parity < 2; parity++) {
                    all &= distance(g.vectors[phase][parity][d], negate(landing(phase, parity, d, e))) < EPS;
                }
            }
            if (all) {
                return e;
            }
        }
        throw new IllegalStateException(g.type + ": direction " + d + " has no reverse");
    }

    /** Direction e's vector from the site that direction d leads to from a site of this phase and row parity. */
    private double[] landing(int phase, int parity, int d, int e) {
        int targetPhase = Math.floorMod(phase + dz[d], g.offsets.length);
        int targetParity = Math.floorMod(parity + stepY[step(phase, parity, d)], 2);
        return g.vectors[targetPhase][targetParity][e];
    }

    /**
     * The two first-shell neighbours above the mover that are first-shell neighbours of the target too, the same
     * directions from every phase and row parity.
     */
    private int[] bridgeDirections(int d) {
        int[] found = null;
        for (int phase = 0; phase < g.offsets.length; phase++) {
            for (int parity = 0; parity < 2; parity++) {
                int[] here = bridgeDirections(phase, parity, d);
                if (found != null && !Arrays.equals(found, here)) {
                    throw new IllegalStateException(g.type + ": direction " + d + " passes other bridge sites "
                            + "from other sites");
                }
                found = here;
            }
        }
        return found;
    }

    private int[] bridgeDirections(int phase, int parity, int d) {
        double[] move = g.vectors[phase][parity][d];
        int[] found = new int[2];
        int n = 0;
        for (int e = 0; e < g.firstShell; e++) {
            double[] v = g.vectors[phase][parity][e];
            double[] fromTarget = {v[0] - move[0], v[1] - move[1], v[2] - move[2]};
            if (v[2] > 0 && isFirstShellFromTarget(phase, parity, d, fromTarget)) {
                if (n == 2) {
                    throw new IllegalStateException(g.type + ": more than two bridge sites for direction " + d);
                }
                found[n++] = e;
            }
        }
        if (n != 2) {
            throw new IllegalStateException(g.type + ": no two bridge sites for direction " + d);
        }
        return found;
    }

    private boolean isFirstShellFromTarget(int phase, int parity, int d, double[] v) {
        for (int e = 0; e < g.firstShell; e++) {
            if (distance(landing(phase, parity, d, e), v) < EPS) {
                return true;
            }
        }
        return false;
    }

    private static double[] negate(double[] v) {
        return new double[]{-v[0], -v[1], -v[2]};
    }

    private static double distance(double[] a, double[] b) {
        double x = a[0] - b[0];
        double y = a[1] - b[1];
        double z = a[2] - b[2];
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** The lattice of one of the types above, hcp with the ideal c/a unless its name gives one. */
    static StackedLattice of(String type, int sizeX, int sizeY, int sizeZ) {
        for (String hcp : new String[]{HCP0001, HCP1120}) {
            if (type.startsWith(hcp + C_OVER_A) && type.endsWith(")")) {
                try {
                    double cOverA = Double.parseDouble(type.substring((hcp + C_OVER_A).length(), type.length() - 1));
                    return hcp(hcp, sizeX, sizeY, sizeZ, cOverA);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown lattice type '" + type + "'");
                }
            }
        }
        return switch (type) {
            case BCC001 -> bcc001(sizeX, sizeY, sizeZ);
            case BCC110 -> bcc110(sizeX, sizeY, sizeZ);
            case FCC001 -> fcc001(sizeX, sizeY, sizeZ);
            case FCC111 -> fcc111(sizeX, sizeY, sizeZ);
            case HCP0001 -> hcp0001(sizeX, sizeY, sizeZ, IDEAL_C_OVER_A);
            case HCP1120 -> hcp1120(sizeX, sizeY, sizeZ, IDEAL_C_OVER_A);
            default -> throw new IllegalArgumentException("unknown lattice type '" + type + "'");
        };
    }

    /** The hcp lattice of an orientation, {@link #HCP0001} or {@link #HCP1120}. */
    public static StackedLattice hcp(String orientation, int sizeX, int sizeY, int sizeZ, double cOverA) {
        return switch (orientation) {
            case HCP0001 -> hcp0001(sizeX, sizeY, sizeZ, cOverA);
            case HCP1120 -> hcp1120(sizeX, sizeY, sizeZ, cOverA);
            default -> throw new IllegalArgumentException("no hcp orientation '" + orientation + "'");
        };
    }

    /** The direction vectors of a lattice whose rows are all alike, one set per stacking phase. */
    private static double[][][][] rowsAlike(double[][]... perPhase) {
        double[][][][] v = new double[perPhase.length][][][];
        for (int phase = 0; phase < perPhase.length; phase++) {
            v[phase] = new double[][][]{perPhase[phase], perPhase[phase]};
        }
        return v;
    }

    /**
     * bcc grown along [001]: square layers of edge a, a/2 apart, alternately cube corners and body centres. The 8
     * first-shell neighbours (√3/2·a) all lie in the layers above and below, so an adatom crosses a (001) terrace
     * only by its 4 in-layer second-shell hops (a, along x and y): they are the second-shell directions here, and
     * they pass under two bridge sites, the two atoms of the layer above next to both ends.
     */
    public static StackedLattice bcc001(int sizeX, int sizeY, int sizeZ) {
        double[][] v = new double[12][];
        int d = 0;
        for (int up : new int[]{1, -1}) {
            for (int sy : new int[]{1, -1}) {
                for (int sx : new int[]{1, -1}) {
                    v[d++] = new double[]{0.5 * sx, 0.5 * sy, 0.5 * up};
                }
            }
        }
        v[d++] = new double[]{1, 0, 0};
        v[d++] = new double[]{-1, 0, 0};
        v[d++] = new double[]{0, 1, 0};
        v[d] = new double[]{0, -1, 0};
        return new StackedLattice(new Geometry(BCC001, 1, 1, 0, 0.5, new double[][]{{0, 0}, {0.5, 0.5}},
                rowsAlike(v, v), 8), sizeX, sizeY, sizeZ);
    }

    /**
     * bcc grown along [110], the close-packed face of bcc: layers a/√2 apart, each a centred rectangle of a√2 (x, along
     * [1̄10]) by a (y, along [001]), which the rows represent as columns a√2 apart and rows a/2 apart, every other row
     * shifted by half a column; each layer lies one row (a/2 along y) beyond the one below, so that a column's sites
     * in successive layers are first-shell neighbours, as on every lattice here. First shell: 4 in the layer at
     * (±a/√2, ±a/2), 2 above and 2 below at (0, ±a/2, ±a/√2). Terrace hops and step descents are first-shell moves,
     * so, as fcc001, it has no second-shell directions.
     */
    public static StackedLattice bcc110(int sizeX, int sizeY, int sizeZ) {
        double u = Math.sqrt(0.5);
        double[][] v = new double[8][];
        int d = 0;
        for (int sy : new int[]{1, -1}) {
            for (int sx : new int[]{1, -1}) {
                v[d++] = new double[]{u * sx, 0.5 * sy, 0};
            }
        }
        for (int up : new int[]{1, -1}) {
            for (int sy : new int[]{1, -1}) {
                v[d++] = new double[]{0, 0.5 * sy, u * up};
            }
        }
        return new StackedLattice(new Geometry(BCC110, 2 * u, 0.5, 0.5, u, new double[][]{{0, 0}, {0, 1}},
                rowsAlike(v, v), 8), sizeX, sizeY, sizeZ);
    }

    /**
     * fcc grown along [001]: square layers of edge a/√2 (columns along [110] and [1̄10]), a/2 apart, each shifted by
     * half a diagonal against the one below. First shell: 4 in the layer, 4 above, 4 below. Terrace hops and step
     * descents are both first-shell moves, so this lattice has no second-shell directions.
     */
    public static StackedLattice fcc001(int sizeX, int sizeY, int sizeZ) {
        double s = Math.sqrt(0.5);
        double[][] v = new double[12][];
        v[0] = new double[]{s, 0, 0};
        v[1] = new double[]{-s, 0, 0};
        v[2] = new double[]{0, s, 0};
        v[3] = new double[]{0, -s, 0};
        int d = 4;
        for (int up : new int[]{1, -1}) {
            for (int sy : new int[]{1, -1}) {
                for (int sx : new int[]{1, -1}) {
                    v[d++] = new double[]{0.5 * s * sx, 0.5 * s * sy, 0.5 * up};
                }
            }
        }
        return new StackedLattice(new Geometry(FCC001, s, s, 0, 0.5, new double[][]{{0, 0}, {0.5, 0.5}},
                rowsAlike(v, v), 12), sizeX, sizeY, sizeZ);
    }

    /**
     * fcc grown along [111]: close-packed triangular layers (nearest distance a/√2), a/√3 apart, stacked ABC. First
     * shell: 6 in the layer, 3 above, 3 below; no second-shell directions (as fcc001).
     */
    public static StackedLattice fcc111(int sizeX, int sizeY, int sizeZ) {
        double b = Math.sqrt(0.5);
        double[][] v = closePacked(b, 1 / Math.sqrt(3), 1, -1); // A over C, B over A: opposite hollows
        return new StackedLattice(new Geometry(FCC111, b, b * Math.sqrt(3) / 2, 0.5, 1 / Math.sqrt(3),
                new double[][]{{0, 0}, {0.5, 1.0 / 3}, {0, 2.0 / 3}}, rowsAlike(v, v, v), 12),
                sizeX, sizeY, sizeZ);
    }

    /**
     * hcp with the basal plane (0001) on the substrate: triangular layers of nearest distance a, c/2 apart, stacked
     * ABAB. First shell: 6 in the layer at a, 3 above and 3 below at √(a²/3 + c²/4) (equal to a at the ideal c/a);
     * no second-shell directions (as fcc001).
     *
     * @param cOverA c/a, e.g. {@link #IDEAL_C_OVER_A}
     */
    public static StackedLattice hcp0001(int sizeX, int sizeY, int sizeZ, double cOverA) {
        double layer = cOverA / 2;
        // both neighbour layers of an A layer are B layers over the same hollows; a B layer sees A in the other ones
        return new StackedLattice(new Geometry(hcpType(HCP0001, cOverA), 1, Math.sqrt(3) / 2, 0.5, layer,
                new double[][]{{0, 0}, {0.5, 1.0 / 3}},
                rowsAlike(closePacked(1, layer, 1, 1), closePacked(1, layer, -1, -1)), 12),
                sizeX, sizeY, sizeZ);
    }

    /**
     * hcp with a prismatic face, the a-plane (11̄20), on the substrate: z along an a axis [112̄0], y along c [0001], x
     * along [1̄100], so the basal planes stand upright, perpendicular to y and to the substrate. The (11̄20) planes
     * are equally spaced, a/2 apart, and alike but for a shift of half a column (a·√3/2 along x): stacking AB. Each is
     * a rectangle of a√3 (x) by c (y) holding two atoms, one of each basal sublattice: the sublattice at y = 0 in the
     * even rows, the other at y = c/2 in the odd rows, 2a/√3 further along x (rowShift ⅔). The two sublattices are
     * mirror images along x, so their directions are given per row parity. First shell of an even-row atom: 2 in the
     * layer at (−a/√3, ±c/2), the zigzag chains along c; 4 in each neighbour layer, at (±a√3/2, 0) in its row and
     * (a/(2√3), ±c/2) in the odd rows; and 1 two layers up and 1 two layers down, along z, its basal neighbours at a
     * (the only lattice here whose first shell reaches beyond the next layer). An odd-row atom has x mirrored. An
     * adatom crosses a terrace (along x) only with the 2 in-layer second-shell hops, (2a/√3, ±c/2) from an even row
     * (at a√2 for the ideal c/a), each under two bridge sites of the layer above.
     *
     * @param cOverA c/a, e.g. {@link #IDEAL_C_OVER_A}
     */
    public static StackedLattice hcp1120(int sizeX, int sizeY, int sizeZ, double cOverA) {
        return new StackedLattice(new Geometry(hcpType(HCP1120, cOverA), Math.sqrt(3), cOverA / 2, 2.0 / 3, 0.5,
                new double[][]{{0, 0}, {0.5, 0}}, new double[][][][]{aPlane(cOverA), aPlane(cOverA)}, 12),
                sizeX, sizeY, sizeZ);
    }

    /**
     * The 14 directions of hcp1120 from its even rows and from its odd ones: the mirror images along x, so that a
     * second-shell move passes the same bridge directions from both.
     */
    private static double[][][] aPlane(double cOverA) {
        double h = cOverA / 2;
        double[][][] rows = new double[2][][];
        for (int parity = 0; parity < 2; parity++) {
            double s = parity == 0 ? 1 : -1;
            double p = s / Math.sqrt(3);
            double r = s * Math.sqrt(3) / 2;
            rows[parity] = new double[][]{{-p, h, 0}, {-p, -h, 0},
                    {r, 0, 0.5}, {-r, 0, 0.5}, {p / 2, h, 0.5}, {p / 2, -h, 0.5}, {0, 0, 1},
                    {r, 0, -0.5}, {-r, 0, -0.5}, {p / 2, h, -0.5}, {p / 2, -h, -0.5}, {0, 0, -1},
                    {2 * p, h, 0}, {2 * p, -h, 0}};
        }
        return rows;
    }

    private static String hcpType(String orientation, double cOverA) {
        if (!(cOverA > 0)) {
            throw new IllegalArgumentException(orientation + " lattice: c/a must be positive, got " + cOverA);
        }
        return cOverA == IDEAL_C_OVER_A ? orientation : orientation + C_OVER_A + cOverA + ")";
    }

    /**
     * The 12 directions of a close-packed layer of nearest distance b with layers {@code layer} above and below: 6 in
     * the layer, then 3 up and 3 down. The layer above covers one of the two kinds of hollows of this layer (the one
     * at +(b/2, h/3) for sign +1, the other for −1), the layer below the one that {@code below} names.
     */
    private static double[][] closePacked(double b, double layer, int above, int below) {
        double h = b * Math.sqrt(3) / 2;
        double[][] hollows = {{0.5 * b, h / 3}, {-0.5 * b, h / 3}, {0, -2 * h / 3}};
        double[][] v = new double[12][];
        v[0] = new double[]{b, 0, 0};
        v[1] = new double[]{-b, 0, 0};
        v[2] = new double[]{0.5 * b, h, 0};
        v[3] = new double[]{-0.5 * b, -h, 0};
        v[4] = new double[]{-0.5 * b, h, 0};
        v[5] = new double[]{0.5 * b, -h, 0};
        for (int k = 0; k < 3; k++) {
            v[6 + k] = new double[]{above * hollows[k][0], above * hollows[k][1], layer};
            v[9 + k] = new double[]{below * hollows[k][0], below * hollows[k][1], -layer};
        }
        return v;
    }

    @Override
    public int column(int site) {
        return columnBits >= 0 ? site & (columns - 1) : site % columns;
    }

    @Override
    public int z(int site) {
        return columnBits >= 0 ? site >> columnBits : site / columns;
    }

    @Override
    public int coordination() {
        return g.firstShell;
    }

    @Override
    public int hopDirections(boolean secondShell) {
        return secondShell ? directions : g.firstShell;
    }

    @Override
    public boolean isFirstShell(int direction) {
        return direction < g.firstShell;
    }

    /** The first of the two atoms above a second-shell move's path (bcc001 only; the others have no such moves). */
    @Override
    public int firstBridge(int site, int direction) {
        return neighbour(site, secondShellBridges(direction)[0]);
    }

    @Override
    public int secondBridge(int site, int direction) {
        return neighbour(site, secondShellBridges(direction)[1]);
    }

    private int[] secondShellBridges(int direction) {
        if (isFirstShell(direction)) {
            throw new IllegalArgumentException("direction " + direction + " is first-shell: it passes no bridge");
        }
        return bridges[direction];
    }

    /** Ω = column area × layer spacing, both from the Cartesian geometry. */
    private double volumePerSite() {
        return g.columnStep * g.rowStep * g.layerStep;
    }

    @Override
    public double columnArea() {
        return g.columnStep * g.rowStep / Math.pow(volumePerSite(), 2.0 / 3);
    }

    @Override
    public double layerSpacing() {
        return g.layerStep / Math.cbrt(volumePerSite());
    }

    @Override
    public int dz(int direction) {
        return dz[direction];
    }

    @Override
    public int neighbourColumn(int column, int z, int direction) {
        int y = column / sizeX;
        int k = step(phase(z), y & 1, direction);
        int nx = wrap(column - y * sizeX + stepX[k], sizeX);
        int ny = wrap(y + stepY[k], sizeY);
        return nx + sizeX * ny;
    }

    /** The stacking phase of a layer; without a division on the lattices stacked in two (all but fcc111). */
    private int phase(int z) {
        return period == 2 ? z & 1 : z % period;
    }

    /** A coordinate moved by less than the box's size, brought back into the box (no division: the hottest call). */
    private static int wrap(int coordinate, int size) {
        return coordinate < 0 ? coordinate + size : coordinate >= size ? coordinate - size : coordinate;
    }

    @Override
    public int neighbour(int site, int direction) {
        if (columnBits < 0) {
            int z = site / columns;
            return (z + dz[direction]) * columns + neighbourColumn(site - z * columns, z, direction);
        }
        // x and y each step within their bit field, which the mask wraps around; z's field takes the layer step
        int z = site >> columnBits;
        int k = step(phase(z), (site >> xBits) & 1, direction);
        int xMask = sizeX - 1;
        int yMask = columns - sizeX;
        return (z + dz[direction]) * columns | (((site & yMask) + stepYField[k]) & yMask) | ((site + stepX[k]) & xMask);
    }

    @Override
    public int sharedNeighbours(int site, int direction) {
        int z = z(site);
        return shared[step(phase(z), (column(site) / sizeX) & 1, direction)];
    }

    @Override
    public int reverse(int direction) {
        return reverse[direction];
    }

    @Override
    public String type() {
        return g.type;
    }

    /**
     * In the conventional lattice constant. Columns sit a quarter step in from the box's edges (x and y wrap around
     * for the columns that the row and stacking shifts push past them); layers sit at (z + ½)·layer step.
     */
    @Override
    public Point position(int site) {
        int column = column(site);
        int x = columnX(column);
        int y = columnY(column);
        double[] offset = g.offsets[z(site) % g.offsets.length];
        double steps = x + (y & 1) * g.rowShift + offset[0] + 0.25;
        return new Point(steps % sizeX * g.columnStep, (y + offset[1] + 0.25) % sizeY * g.rowStep,
                (z(site) + 0.5) * g.layerStep);
    }

    @Override
    public Point boxSize() {
        return new Point(sizeX * g.columnStep, sizeY * g.rowStep, sizeZ * g.layerStep);
    }
}
