package org.anodekmc.lattice;

/** Simple cubic lattice: 6 first-shell neighbours; 8 layer-changing second-shell hop directions. */
public final class SimpleCubicLattice extends LayeredBox {
    static final String TYPE = "sc";
    // directions 0..5: +x -x +y -y +z -z; 6..13: (±x or ±y) combined with +z, then with -z
    private static final int[] LATERAL = {0, 1, 2, 3, -1, -1, 0, 1, 2, 3, 0, 1, 2, 3};
    private static final int[] DZ = {0, 0, 0, 0, 1, -1, 1, 1, 1, 1, -1, -1, -1, -1};
    private static final int[] REVERSE = {1, 0, 3, 2, 5, 4, 11, 10, 13, 12, 7, 6, 9, 8};

    /** sizeX − 1 when sizeX is a power of two (x by a mask), else −1 (x by a division). */
    private final int xMask;
    /**
     * log2(columns) when sizeX and sizeY are both powers of two, else −1. A site number is then the bit fields
     * z | y | x, so column and z are a mask and a shift, and a neighbour is one masked addition per direction.
     */
    private final int columnBits;
    /** Per direction, for power-of-two boxes: the step within the wrapping field, that field's mask, the layer step. */
    private final int[] fieldStep = new int[DZ.length];
    private final int[] fieldMask = new int[DZ.length];
    private final int[] layerStep = new int[DZ.length];
    private final int[] shared = new int[DZ.length];

    public SimpleCubicLattice(int sizeX, int sizeY, int sizeZ) {
        super(sizeX, sizeY, sizeZ);
        xMask = Integer.bitCount(sizeX) == 1 ? sizeX - 1 : -1;
        columnBits = xMask >= 0 && Integer.bitCount(sizeY) == 1 ? Integer.numberOfTrailingZeros(columns) : -1;
        int[] step = {1, -1, sizeX, -sizeX};
        int[] mask = {sizeX - 1, sizeX - 1, (sizeY - 1) * sizeX, (sizeY - 1) * sizeX};
        for (int d = 0; d < DZ.length; d++) {
            int lateral = LATERAL[d];
            fieldStep[d] = lateral < 0 ? 0 : step[lateral];
            fieldMask[d] = lateral < 0 ? 0 : mask[lateral];
            layerStep[d] = DZ[d] * columns;
        }
        for (int d = 0; d < DZ.length; d++) {
            shared[d] = sharedNeighboursOf(site(0, 2), d);
        }
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
        return 6;
    }

    @Override
    public int hopDirections(boolean secondShell) {
        return secondShell ? 14 : 6;
    }

    @Override
    public boolean isFirstShell(int direction) {
        return direction < 6;
    }

    @Override
    public int firstBridge(int site, int direction) {
        return site + DZ[direction] * columns;
    }

    @Override
    public int secondBridge(int site, int direction) {
        return neighbour(site, direction) - DZ[direction] * columns;
    }

    /** A cube of side a = Ω^(1/3) per site: a² per column, a per layer. */
    @Override
    public double columnArea() {
        return 1;
    }

    @Override
    public double layerSpacing() {
        return 1;
    }

    @Override
    public int dz(int direction) {
        return DZ[direction];
    }

    /** Neighbour columns wrap around periodically; computed, not looked up, so that large boxes touch no table. */
    @Override
    public int neighbourColumn(int column, int z, int direction) {
        switch (LATERAL[direction]) {
            case 0:
                return x(column) == sizeX - 1 ? column + 1 - sizeX : column + 1;
            case 1:
                return x(column) == 0 ? column - 1 + sizeX : column - 1;
            case 2:
                return column >= columns - sizeX ? column + sizeX - columns : column + sizeX;
            case 3:
                return column < sizeX ? column - sizeX + columns : column - sizeX;
            default:
                return column;
        }
    }

    @Override
    public int neighbour(int site, int direction) {
        if (columnBits >= 0) {
            int mask = fieldMask[direction];
            return ((site & ~mask) | ((site + fieldStep[direction]) & mask)) + layerStep[direction];
        }
        int z = z(site);
        return site(neighbourColumn(column(site), z, direction), z + DZ[direction]);
    }

    private int x(int column) {
        return xMask >= 0 ? column & xMask : column % sizeX;
    }

    /** The same from every site: the lattice is invariant under every translation by a site. */
    @Override
    public int sharedNeighbours(int site, int direction) {
        return shared[direction];
    }

    @Override
    public int reverse(int direction) {
        return REVERSE[direction];
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The centre of the cube of edge 1 that the site fills: (x + ½, y + ½, z + ½). */
    @Override
    public Point position(int site) {
        int column = column(site);
        return new Point(columnX(column) + 0.5, columnY(column) + 0.5, z(site) + 0.5);
    }

    @Override
    public Point boxSize() {
        return new Point(sizeX, sizeY, sizeZ);
    }
}
