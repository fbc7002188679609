package org.anodekmc.model;

import org.anodekmc.config.SimulationConfig;
import org.anodekmc.config.SiteConfig;
import org.anodekmc.lattice.Lattice;

import java.util.List;

/**
 * The bonds of a run on its lattice. Configs and presets give bonds as simple cubic has them (where they were derived,
 * docs/model.md "Energy mapping"); on a lattice of coordination Z they are converted so that the same physics maps
 * (docs/model.md "Crystal lattices"):
 * <ul>
 * <li>the metal keeps its kink binding B_kink = 3·ε_MM, its share of the cohesive energy: ε_MM,Z = 6·ε_MM/Z;</li>
 * <li>a host keeps its contact angle, i.e. ε_host/ε_MM per bond: ε_host,Z = 6·ε_host/Z, which keeps the wetting
 * threshold ε_host = ε_MM on every lattice;</li>
 * <li>a single-atom site keeps what a metal atom on it binds relative to B_kink: that atom has the site and
 * (n_below − 1) host atoms under it, so the site's bond is ε_k − (n_below − 1)·ε_host,Z;</li>
 * <li>the bond-counting hop law's barrier per occupied neighbour scales like a bond, 6/Z; a single-atom site's
 * lateral bond stays as given.</li>
 * </ul>
 * On simple cubic (Z = 6, one site below) every value is the config's own.
 */
public final class LatticeBonds {
    private static final int SIMPLE_CUBIC_COORDINATION = 6;

    private final double metalBond;
    private final double hostBond;
    private final double[] siteBonds;
    private final double neighbourBarrier;

    public LatticeBonds(SimulationConfig c, Lattice lattice) {
        double scale = (double) SIMPLE_CUBIC_COORDINATION / lattice.coordination();
        int substrateNeighbours = lattice.neighboursBelow();
        metalBond = scale * c.metal().bondEnergy();
        hostBond = scale * c.substrate().host().bondEnergy();
        List<SiteConfig> sites = c.substrate().sites();
        siteBonds = new double[sites.size()];
        for (int k = 0; k < siteBonds.length; k++) {
            siteBonds[k] = sites.get(k).bondEnergy() - (substrateNeighbours - 1) * hostBond;
        }
        neighbourBarrier = scale * c.hops().neighbourBarrier();
    }

    /** ε_MM on this lattice, eV. */
    public double metalBond() {
        return metalBond;
    }

    /** ε_host per bond on this lattice, eV. */
    public double hostBond() {
        return hostBond;
    }

    /** The bond of single-atom species k (in config order) to a metal atom on it, eV. */
    public double siteBond(int k) {
        return siteBonds[k];
    }

    /** Barrier per occupied neighbour of the bond-counting hop law on this lattice, eV. */
    public double neighbourBarrier() {
        return neighbourBarrier;
    }
}
