package org.anodekmc.observe;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.state.Deposit;

import java.util.BitSet;

/**
 * Connected metal clusters (first-shell connectivity), found by flood fill. A cluster that touches the substrate is
 * an island; islands of one atom are adatoms, the others are nuclei. Clusters that do not touch the substrate are
 * detached ("dead") metal.
 *
 * @param nucleusSizes     atoms in each nucleus (island of two or more atoms)
 * @param nucleusFootprint sites of each nucleus in the first layer (its contact area with the substrate, in sites)
 * @param adatoms          islands of a single atom
 * @param detachedAtoms    atoms in clusters that do not touch the substrate
 */
public record Islands(int[] nucleusSizes, int[] nucleusFootprint, int adatoms, long detachedAtoms) {

    public int nuclei() {
        return nucleusSizes.length;
    }

    public double meanNucleusSize() {
        long sum = 0;
        for (int s : nucleusSizes) {
            sum += s;
        }
        return nucleusSizes.length == 0 ? 0 : sum / (double) nucleusSizes.length;
    }

    /** Mean radius of the circle with each nucleus' footprint area, nm. */
    public double meanEquivalentRadiusNm(double siteAreaCm2) {
        double sum = 0;
        for (int f : nucleusFootprint) {
            sum += Math.sqrt(f * siteAreaCm2 * 1e14 / Math.PI);
        }
        return nucleusFootprint.length == 0 ? 0 : sum / nucleusFootprint.length;
    }

    public static Islands of(Deposit deposit) {
        Lattice lattice = deposit.lattice();
        int base = deposit.surfaceZ();
        int sizeZ = lattice.sizeZ();
        int first = lattice.coordination();
        BitSet seen = new BitSet(lattice.sites());
        IntArrayList stack = new IntArrayList();
        IntArrayList sizes = new IntArrayList();
        IntArrayList footprints = new IntArrayList();
        int adatoms = 0;
        long detached = 0;
        for (int start = 0; start < lattice.sites(); start++) {
            // column by column, so that islands are listed in the same order whatever the site numbering
            int site = lattice.site(start / sizeZ, start % sizeZ);
            if (seen.get(site) || !Species.isDeposit(deposit.species(site))) {
                continue;
            }
            int size = 0;
            int footprint = 0;
            seen.set(site);
            stack.add(site);
            while (!stack.isEmpty()) {
                int s = stack.popInt();
                size++;
                int column = lattice.column(s);
                int z = lattice.z(s);
                if (z == base) {
                    footprint++;
                }
                for (int d = 0; d < first; d++) {
                    int nz = z + lattice.dz(d);
                    if (nz < base || nz >= sizeZ) {
                        continue;
                    }
                    int n = lattice.site(lattice.neighbourColumn(column, z, d), nz);
                    if (!seen.get(n) && Species.isDeposit(deposit.species(n))) {
                        seen.set(n);
                        stack.add(n);
                    }
                }
            }
            if (footprint == 0) {
                detached += size;
            } else if (size == 1) {
                adatoms++;
            } else {
                sizes.add(size);
                footprints.add(footprint);
            }
        }
        return new Islands(sizes.toIntArray(), footprints.toIntArray(), adatoms, detached);
    }
}
