package org.anodekmc.transport;

import org.anodekmc.engine.IonSupply;
import org.anodekmc.engine.Simulation;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Ions diffuse to the deposit from a reservoir plane a fixed distance above its highest point (DLA-style random
 * walkers, DESIGN.md §2.4). A walker steps to a random empty first-shell neighbour; at a site that touches the deposit
 * it is reduced with probability min(1, sticking × exp(α(B − B_kink)/kT)), the same site preference as the kinetic
 * mode, otherwise it walks on. A walker that climbs back to the reservoir plane is absorbed there and a fresh ion
 * starts at a random point of the plane (far-field relaunch), so the flux stays the one set by the current.
 *
 * <p>Approximation: ion transport is quasi-static, each walk finishing before the next event. Protrusions reach
 * closer to the reservoir and catch more walkers (tip enhancement); without surface diffusion and with sticking 1
 * this grows a DLA-like deposit.
 */
final class DiffusionLimitedSupply implements IonSupply {
    private final int reservoirDistance;
    private final double sticking;

    DiffusionLimitedSupply(int reservoirDistance, double sticking) {
        this.reservoirDistance = reservoirDistance;
        this.sticking = sticking;
    }

    @Override
    public int land(Simulation sim, UniformRandomProvider rng) {
        Lattice lattice = sim.lattice();
        int top = lattice.sizeZ() - 1;
        if (sim.highestTop() >= top) {
            return -1;
        }
        int reservoir = Math.min(top, sim.highestTop() + reservoirDistance);
        int column = rng.nextInt(lattice.columns());
        int z = reservoir;
        while (true) {
            int site = lattice.site(column, z);
            if (sim.occupiedNeighbours(site) > 0) {
                double p = sticking * sim.relativeReductionRate(site);
                if (p >= 1 || rng.nextDouble() < p) {
                    return site;
                }
            }
            int d = rng.nextInt(lattice.coordination());
            int nz = z + lattice.dz(d);
            if (nz > reservoir) {
                column = rng.nextInt(lattice.columns());
                z = reservoir;
                continue;
            }
            int nc = lattice.neighbourColumn(column, z, d);
            if (nz >= sim.surfaceZ() && sim.species(lattice.site(nc, nz)) == Species.EMPTY) {
                column = nc;
                z = nz;
            }
        }
    }
}
