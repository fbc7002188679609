package org.anodekmc.lattice;

/** Simple cubic lattice: 6 first-shell neighbours; 8 layer-changing second-shell hop directions. */
public final class SimpleCubicLattice implements Lattice {
    // directions 0..5: +x -x +y -y +z -z; 6..13: (±x or ±y) combined with +z, then with -z
    private static final int[] LATERAL = {0, 1, 2, 3, -1, -1, 0, 1, 2, 3, 0, 1, 2, 3};
    private static final int[] DZ = {0, 0, 0, 0, 1, -1, 1, 1, 1, 1, -1, -1, -1, -1};
    private static final int[] REVERSE = {1, 0, 3, 2, 5, 4, 11, 10, 13, 12, 7, 6, 9, 8};

    private static final byte LAST_X = 1;
    private static final byte FIRST_X = 2;
    private static final byte LAST_Y = 4;
    private static final byte FIRST_Y = 8;

    private final int sizeX;
    private final int sizeY;
    private final int sizeZ;
    private final int columns;
    /**
     * Which box edges each column lies on (one byte per column, not a table of neighbours: the lookup stays in cache
     * in large boxes); neighbours wrap around periodically there.
     */
    private final byte[] edges;

    public SimpleCubicLattice(int sizeX, int sizeY, int sizeZ) {
        this.sizeX = sizeX;
        this.sizeY = sizeY;
        this.sizeZ = sizeZ;
        columns = sizeX * sizeY;
        edges = new byte[columns];
        for (int y = 0; y < sizeY; y++) {
            for (int x = 0; x < sizeX; x++) {
                edges[x + sizeX * y] = (byte) ((x == sizeX - 1 ? LAST_X : 0) | (x == 0 ? FIRST_X : 0)
                        | (y == sizeY - 1 ? LAST_Y : 0) | (y == 0 ? FIRST_Y : 0));
            }
        }
    }

    @Override
    public int site(int column, int z) {
        return z * columns + column;
    }

    @Override
    public int column(int site) {
        return site % columns;
    }

    @Override
    public int z(int site) {
        return site / columns;
    }

    @Override
    public int sizeX() {
        return sizeX;
    }

    @Override
    public int sizeY() {
        return sizeY;
    }

    @Override
    public int sizeZ() {
        return sizeZ;
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
    public int dz(int direction) {
        return DZ[direction];
    }

    @Override
    public int neighbourColumn(int column, int z, int direction) {
        switch (LATERAL[direction]) {
            case 0:
                return (edges[column] & LAST_X) != 0 ? column + 1 - sizeX : column + 1;
            case 1:
                return (edges[column] & FIRST_X) != 0 ? column - 1 + sizeX : column - 1;
            case 2:
                return (edges[column] & LAST_Y) != 0 ? column + sizeX - columns : column + sizeX;
            case 3:
                return (edges[column] & FIRST_Y) != 0 ? column - sizeX + columns : column - sizeX;
            default:
                return column;
        }
    }

    @Override
    public int reverse(int direction) {
        return REVERSE[direction];
    }
}
