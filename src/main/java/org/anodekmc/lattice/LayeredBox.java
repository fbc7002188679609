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
}
