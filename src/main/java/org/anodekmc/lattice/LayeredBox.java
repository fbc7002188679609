package org.anodekmc.lattice;

/** The box every lattice shares: its sizes and the layer-by-layer site numbering ({@code site = z·columns + column}). */
abstract class LayeredBox implements Lattice {
    protected final int sizeX;
    protected final int sizeY;
    protected final int sizeZ;
    protected final int columns;

    LayeredBox(int sizeX, int sizeY, int sizeZ) {
        this.sizeX = sizeX;
        this.sizeY = sizeY;
        this.sizeZ = sizeZ;
        columns = sizeX * sizeY;
    }

    @Override
    public final int sizeX() {
        return sizeX;
    }

    @Override
    public final int sizeY() {
        return sizeY;
    }

    @Override
    public final int sizeZ() {
        return sizeZ;
    }

    @Override
    public final int site(int column, int z) {
        return z * columns + column;
    }

    /**
     * {@link #sharedNeighbours} worked out from the sites themselves, for a lattice to keep per kind of site; the site
     * lies far enough from the substrate that no neighbour of its neighbours has a negative number.
     */
    final int sharedNeighboursOf(int site, int direction) {
        int other = neighbour(site, direction);
        int shared = 0;
        for (int e = 0; e < coordination(); e++) {
            int n = neighbour(site, e);
            boolean match = n == other;
            for (int f = 0; f < coordination() && !match; f++) {
                match = neighbour(other, f) == n;
            }
            shared |= match ? 1 << e : 0;
        }
        return shared;
    }
}
