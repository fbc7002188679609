package org.anodekmc.model;

import org.anodekmc.lattice.Lattice;

/**
 * Bond counting on a lattice of coordination Z. A site's environment is summarised by its signature: the number of
 * metal neighbours (0..Z) and its substrate environment code (0 away from the substrate; otherwise what the substrate
 * binds there, see {@link SubstrateEnvironments}), because only the layers within the first shell's reach of the
 * substrate touch it: the first layer (two on hcp1120). Binding B = n_metal·ε_MM + ε_substrate; the kink reference is
 * B_kink = (Z/2)·ε_MM, the half-crystal position, so that bulk metal is at equilibrium at η = 0.
 */
public final class SiteEnergetics {
    /** Environment code of a site that is not on the substrate. */
    public static final int ABOVE_METAL_OR_EMPTY = 0;

    private final int coordination;
    private final int signatureCount;
    private final double[] binding;
    private final int[] occupied;
    private final int[] contactLayer;
    private final double kinkBinding;

    /**
     * @param metalBond     ε_MM, eV
     * @param substrateBond substrate binding by environment code, eV ([0], not on the substrate, is unused)
     * @param contactLayer  by environment code, the layer above the substrate its sites lie in (0: the first), which
     *                      tells how many substrate atoms they bind ([0] is unused)
     */
    public SiteEnergetics(Lattice lattice, double metalBond, double[] substrateBond, int[] contactLayer) {
        this.coordination = lattice.coordination();
        int belowCodes = substrateBond.length;
        this.signatureCount = (coordination + 1) * belowCodes;
        this.binding = new double[signatureCount];
        this.occupied = new int[signatureCount];
        this.contactLayer = new int[belowCodes];
        for (int below = 0; below < belowCodes; below++) {
            boolean onSubstrate = below != ABOVE_METAL_OR_EMPTY;
            this.contactLayer[below] = onSubstrate ? contactLayer[below] : -1;
            int substrateNeighbours = onSubstrate ? lattice.neighboursBelow(contactLayer[below]) : 0;
            for (int n = 0; n <= coordination; n++) {
                int sig = signature(n, below);
                binding[sig] = n * metalBond + (onSubstrate ? substrateBond[below] : 0);
                occupied[sig] = n + substrateNeighbours;
            }
        }
        this.kinkBinding = coordination / 2.0 * metalBond;
    }

    /**
     * The layer above the substrate of a site with this signature, 0 for the first; −1 when it does not touch the
     * substrate.
     */
    public int contactLayer(int signature) {
        return contactLayer[signature / (coordination + 1)];
    }

    public int signature(int metalNeighbours, int environment) {
        return metalNeighbours + (coordination + 1) * environment;
    }

    public int signatureCount() {
        return signatureCount;
    }

    public int coordination() {
        return coordination;
    }

    /** B of a metal atom (or of an ion about to be reduced) at a site with this signature, eV. */
    public double binding(int signature) {
        return binding[signature];
    }

    /** Occupied first-shell neighbours (metal and substrate). */
    public int occupied(int signature) {
        return occupied[signature];
    }

    public double kinkBinding() {
        return kinkBinding;
    }
}
