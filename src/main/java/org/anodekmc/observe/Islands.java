package org.anodekmc.observe;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.state.Deposit;

import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * Connected metal clusters, found by flood fill. Two atoms are connected when they are first-shell neighbours, or
 * when both lie in the first layer above the substrate and one in-layer hop of the lattice leads from one to the
 * other: on bcc (001), whose first shell holds no in-layer neighbour, atoms side by side on the substrate are a
 * second-shell hop apart, and they form one island as they do on the other lattices. A cluster that touches the
 * substrate is an island; islands of one atom are adatoms, the others are nuclei. Clusters that do not touch the
 * substrate are detached ("dead") metal; on hcp1120 a cluster touches it from the second layer too (an atom there
 * binds the substrate atom a below it), with no footprint then.
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
        int contactEnd = base + lattice.reach();
        int sizeZ = lattice.sizeZ();
        int first = lattice.coordination();
        int[] inLayerSecondShell = inLayerSecondShell(lattice);
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
            boolean touches = false;
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
                touches |= z < contactEnd;
                for (int d = 0; d < first; d++) {
                    int nz = z + lattice.dz(d);
                    if (nz >= base && nz < sizeZ) {
                        visit(deposit, lattice.site(lattice.neighbourColumn(column, z, d), nz), seen, stack);
                    }
                }
                if (z == base) {
                    for (int d : inLayerSecondShell) {
                        visit(deposit, lattice.site(lattice.neighbourColumn(column, z, d), z), seen, stack);
                    }
                }
            }
            if (!touches) {
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

    private static void visit(Deposit deposit, int site, BitSet seen, IntArrayList stack) {
        if (!seen.get(site) && Species.isDeposit(deposit.species(site))) {
            seen.set(site);
            stack.add(site);
        }
    }

    /** The second-shell hop directions that stay in their layer (bcc001's and hcp1120's; none on the others). */
    private static int[] inLayerSecondShell(Lattice lattice) {
        return IntStream.range(lattice.coordination(), lattice.hopDirections(true))
                .filter(d -> lattice.dz(d) == 0).toArray();
    }
}
