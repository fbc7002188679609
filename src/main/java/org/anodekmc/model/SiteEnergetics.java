package org.anodekmc.model;

/**
 * Bond counting on a lattice of coordination Z. A site's environment is summarised by its signature: the number of
 * metal neighbours (0..Z) and its substrate environment code (0 above the first layer; otherwise what the substrate
 * binds there, see {@link SubstrateEnvironments}), because only the first layer above the substrate touches it.
 * Binding B = n_metal·ε_MM + ε_substrate; the kink reference is B_kink = (Z/2)·ε_MM, the half-crystal position, so
 * that bulk metal is at equilibrium at η = 0.
 */
public final class SiteEnergetics {
    /** Environment code of a site that is not on the substrate. */
    public static final int ABOVE_METAL_OR_EMPTY = 0;

    private final int coordination;
    private final int signatureCount;
    private final double[] binding;
    private final int[] occupied;
    private final double kinkBinding;

    /**
     * @param substrateNeighbours substrate atoms under a first-layer site (1 on simple cubic)
     * @param metalBond           ε_MM, eV
     * @param substrateBond       substrate binding by environment code, eV ([0], not on the substrate, is unused)
     */
    public SiteEnergetics(int coordination, int substrateNeighbours, double metalBond, double[] substrateBond) {
        this.coordination = coordination;
        int belowCodes = substrateBond.length;
        this.signatureCount = (coordination + 1) * belowCodes;
        this.binding = new double[signatureCount];
        this.occupied = new int[signatureCount];
        for (int below = 0; below < belowCodes; below++) {
            for (int n = 0; n <= coordination; n++) {
                int sig = signature(n, below);
                binding[sig] = n * metalBond + (below == ABOVE_METAL_OR_EMPTY ? 0 : substrateBond[below]);
                occupied[sig] = n + (below == ABOVE_METAL_OR_EMPTY ? 0 : substrateNeighbours);
            }
        }
        this.kinkBinding = coordination / 2.0 * metalBond;
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
