package org.anodekmc.state;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.lattice.SimpleCubicLattice;
import org.anodekmc.model.Species;

/** A deposit set site by site, for tests of what reads one: host substrate below, empty above until set. */
public final class HandBuiltDeposit implements Deposit {
    private final Lattice lattice;
    private final int surfaceZ;
    private final byte[] species;

    public HandBuiltDeposit(int sizeX, int sizeY, int sizeZ, int substrateLayers) {
        this(new SimpleCubicLattice(sizeX, sizeY, sizeZ), substrateLayers);
    }

    /** On any lattice, e.g. {@code Lattice.of(type, x, y, z)}. */
    public HandBuiltDeposit(Lattice lattice, int substrateLayers) {
        this.lattice = lattice;
        surfaceZ = substrateLayers;
        species = new byte[lattice.sites()];
        for (int c = 0; c < lattice.columns(); c++) {
            for (int z = 0; z < surfaceZ; z++) {
                species[lattice.site(c, z)] = Species.HOST;
            }
        }
    }

    public HandBuiltDeposit set(int x, int y, int z, byte code) {
        return set(lattice.site(lattice.columnAt(x, y), z), code);
    }

    public HandBuiltDeposit set(int site, byte code) {
        species[site] = code;
        return this;
    }

    @Override
    public Lattice lattice() {
        return lattice;
    }

    @Override
    public byte species(int site) {
        return species[site];
    }

    @Override
    public int surfaceZ() {
        return surfaceZ;
    }

    @Override
    public int highestTop() {
        int top = surfaceZ - 1;
        for (int site = 0; site < species.length; site++) {
            if (Species.isDeposit(species[site])) {
                top = Math.max(top, lattice.z(site));
            }
        }
        return top;
    }
}
