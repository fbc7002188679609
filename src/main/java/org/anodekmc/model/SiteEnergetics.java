package org.anodekmc.model;

/**
 * Bond counting on a lattice of coordination Z. A site's environment is summarised by its signature: the number of
 * metal neighbours (0..Z) and what lies below it (nothing special, the host, or single-atom species k), because only
 * the first layer above the substrate touches it. Binding B = n_metal·ε_MM + ε_below; the kink reference is
 * B_kink = (Z/2)·ε_MM, the half-crystal position, so that bulk metal is at equilibrium at η = 0.
 */
public final class SiteEnergetics {
    /** Below-code of a site whose lower neighbour is not substrate. */
    public static final int ABOVE_METAL_OR_EMPTY = 0;

    private final int coordination;
    private final int signatureCount;
    private final double[] binding;
    private final int[] occupied;
    private final double kinkBinding;

    /**
     * @param metalBond    ε_MM, eV
     * @param substrateBond ε of what lies below, indexed by below-code: [0] unused, [1] host, [2 + k] SA species k
     */
    public SiteEnergetics(int coordination, double metalBond, double[] substrateBond) {
        this.coordination = coordination;
        int belowCodes = substrateBond.length;
        this.signatureCount = (coordination + 1) * belowCodes;
        this.binding = new double[signatureCount];
        this.occupied = new int[signatureCount];
        for (int below = 0; below < belowCodes; below++) {
            for (int n = 0; n <= coordination; n++) {
                int sig = signature(n, below);
                binding[sig] = n * metalBond + (below == ABOVE_METAL_OR_EMPTY ? 0 : substrateBond[below]);
                occupied[sig] = n + (below == ABOVE_METAL_OR_EMPTY ? 0 : 1);
            }
        }
        this.kinkBinding = coordination / 2.0 * metalBond;
    }

    /** Below-code of a site whose lower neighbour has the given species. */
    public static int belowCode(byte speciesBelow) {
        return Species.isSubstrate(speciesBelow) ? speciesBelow - Species.HOST + 1 : ABOVE_METAL_OR_EMPTY;
    }

    public int signature(int metalNeighbours, int belowCode) {
        return metalNeighbours + (coordination + 1) * belowCode;
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
