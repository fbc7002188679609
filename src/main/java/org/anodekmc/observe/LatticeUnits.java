package org.anodekmc.observe;

import org.anodekmc.lattice.Lattice;

/**
 * A lattice gives its positions in its conventional constant (the cube edge of sc, bcc and fcc, the basal a of hcp)
 * and its layer spacing in Ω^(1/3); runs record the layer spacing in Å. This turns one into the other.
 */
public final class LatticeUnits {
    private LatticeUnits() {
    }

    /**
     * The conventional constant in the unit in which one layer spacing measures {@code perLayer}: Å for the Å per
     * layer of a run, Ω^(1/3) for {@link Lattice#layerSpacing()}. On simple cubic, exactly {@code perLayer}.
     */
    public static double conventionalConstant(Lattice lattice, double perLayer) {
        return perLayer / (lattice.boxSize().z() / lattice.sizeZ());
    }
}
