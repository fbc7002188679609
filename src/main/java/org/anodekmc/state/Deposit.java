package org.anodekmc.state;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;

/**
 * The deposit as an observer may read it: which species occupies each site of a lattice. Implemented by the live
 * engine ({@code engine.Simulation}) and by a frame decoded from a trajectory file ({@code io.TrajectoryReader}), so
 * that the same analysis runs on both. Read-only; counters such as the time or the charge are not part of it.
 *
 * <p>The substrate fills the layers below {@link #surfaceZ()}; the deposit grows above it. A site number outside
 * 0..sites()−1 (a vertical step out of the box) is never passed to {@link #species}.
 */
public interface Deposit {
    Lattice lattice();

    /** Species code of a site ({@link Species}): empty, live or dead metal, host or a single-atom species. */
    byte species(int site);

    /** First layer above the substrate (the number of substrate layers). */
    int surfaceZ();

    /** Highest occupied z of the whole box (the top substrate layer, surfaceZ() − 1, if there is no metal). */
    int highestTop();

    /** Highest occupied z of a column (the top substrate layer if the column holds no metal). */
    default int columnTop(int column) {
        Lattice lattice = lattice();
        int z = highestTop();
        while (z >= surfaceZ() && species(lattice.site(column, z)) == Species.EMPTY) {
            z--;
        }
        return z;
    }

    /** Occupied first-shell neighbours of a site above the substrate: metal (live or dead) and substrate. */
    default int occupiedNeighbours(int site) {
        Lattice lattice = lattice();
        int occupied = 0;
        for (int d = 0; d < lattice.coordination(); d++) {
            int n = lattice.neighbour(site, d);
            if (n >= 0 && n < lattice.sites() && species(n) != Species.EMPTY) {
                occupied++;
            }
        }
        return occupied;
    }
}
