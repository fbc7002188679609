package org.anodekmc.observe;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.state.Deposit;

/**
 * How much of a deposit's exposed surface lies in facets parallel to the substrate: of the metal atoms (live or dead)
 * with an empty first-shell neighbour, the fraction whose empty neighbours all lie in the layer above, counting the
 * in-layer second-shell sites too (on bcc (001), whose first shell has none in the layer, they tell an adatom from a
 * terrace atom). On hcp (0001) these are the basal facets, so the fraction measures the texture that Zn-anode work
 * aims for; a flat film gives 1, steps, adatoms, walls and voids lower it. Sites outside the box do not count.
 */
public final class Terraces {
    private Terraces() {
    }

    /** The fraction, NaN for a deposit without exposed metal. */
    public static double fraction(Deposit deposit) {
        Lattice l = deposit.lattice();
        long exposed = 0;
        long flat = 0;
        int end = l.site(0, deposit.highestTop()) + l.columns();
        for (int site = l.site(0, deposit.surfaceZ()); site < end; site++) {
            byte species = deposit.species(site);
            if (species != Species.METAL && species != Species.DEAD) {
                continue;
            }
            boolean open = false;
            boolean sideways = false;
            for (int d = 0; d < l.hopDirections(true); d++) {
                boolean firstShell = l.isFirstShell(d);
                if (!firstShell && l.dz(d) != 0) {
                    continue;
                }
                int n = l.neighbour(site, d);
                if (n >= 0 && n < l.sites() && deposit.species(n) == Species.EMPTY) {
                    open |= firstShell;
                    sideways |= l.dz(d) <= 0;
                }
            }
            exposed += open ? 1 : 0;
            flat += open && !sideways ? 1 : 0;
        }
        return exposed == 0 ? Double.NaN : flat / (double) exposed;
    }
}
