package org.anodekmc.lattice;

/**
 * Geometry of a lattice periodic in x and y and finite in z. Sites are numbered column by column
 * ({@code site = column·sizeZ + z}) so that a site's vertical neighbours are adjacent in memory. Directions
 * 0..coordination()-1 form the first shell; the ones after it are the second-shell hops that change layer.
 */
public interface Lattice {
    int sizeX();

    int sizeY();

    int sizeZ();

    default int columns() {
        return sizeX() * sizeY();
    }

    default int sites() {
        return columns() * sizeZ();
    }

    default int site(int column, int z) {
        return column * sizeZ() + z;
    }

    default int column(int site) {
        return site / sizeZ();
    }

    default int z(int site) {
        return site % sizeZ();
    }

    default int columnAt(int x, int y) {
        return x + sizeX() * y;
    }

    default int columnX(int column) {
        return column % sizeX();
    }

    default int columnY(int column) {
        return column / sizeX();
    }

    /** Number of first-shell neighbours. */
    int coordination();

    /** Number of hop directions: the first shell, plus the layer-changing second shell if asked for. */
    int hopDirections(boolean secondShell);

    /**
     * False for second-shell moves. They pass between two bridge sites, (column, z + dz) and (the neighbour column,
     * z); the engine blocks a move when both are occupied.
     */
    boolean isFirstShell(int direction);

    /** Change of z along a direction. */
    int dz(int direction);

    /** Column reached from {@code column} (at height z) along a direction; the same column for vertical moves. */
    int neighbourColumn(int column, int z, int direction);

    /** The direction that leads back. */
    int reverse(int direction);
}
