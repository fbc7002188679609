package org.anodekmc.lattice;

/** Simple cubic lattice: 6 first-shell neighbours; 8 layer-changing second-shell hop directions. */
public final class SimpleCubicLattice implements Lattice {
    // directions 0..5: +x -x +y -y +z -z; 6..13: (±x or ±y) combined with +z, then with -z
    private static final int[] LATERAL = {0, 1, 2, 3, -1, -1, 0, 1, 2, 3, 0, 1, 2, 3};
    private static final int[] DZ = {0, 0, 0, 0, 1, -1, 1, 1, 1, 1, -1, -1, -1, -1};
    private static final int[] REVERSE = {1, 0, 3, 2, 5, 4, 11, 10, 13, 12, 7, 6, 9, 8};

    private final int sizeX;
    private final int sizeY;
    private final int sizeZ;
    /** Lateral neighbour columns, four per column (+x, -x, +y, -y), with periodic wrap. */
    private final int[] lateral;

    public SimpleCubicLattice(int sizeX, int sizeY, int sizeZ) {
        this.sizeX = sizeX;
        this.sizeY = sizeY;
        this.sizeZ = sizeZ;
        lateral = new int[sizeX * sizeY * 4];
        for (int y = 0; y < sizeY; y++) {
            for (int x = 0; x < sizeX; x++) {
                int c = 4 * (x + sizeX * y);
                lateral[c] = (x + 1) % sizeX + sizeX * y;
                lateral[c + 1] = (x + sizeX - 1) % sizeX + sizeX * y;
                lateral[c + 2] = x + sizeX * ((y + 1) % sizeY);
                lateral[c + 3] = x + sizeX * ((y + sizeY - 1) % sizeY);
            }
        }
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
        int l = LATERAL[direction];
        return l < 0 ? column : lateral[4 * column + l];
    }

    @Override
    public int reverse(int direction) {
        return REVERSE[direction];
    }
}
