package org.anodekmc.transport;

import org.anodekmc.engine.IonSupply;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.state.Deposit;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.function.IntToDoubleFunction;

/**
 * Ions diffuse to the deposit from far away (DLA-style random walkers, docs/model.md, "Ion supply"). A walker steps to a random
 * empty first-shell neighbour; at a site that touches the deposit it is reduced with probability
 * min(1, sticking × exp(α(B − B_kink)/kT)), the same site preference as the kinetic mode, otherwise it walks on.
 *
 * <p>Far field: in a box periodic in x and y the ion flux far above the deposit is uniform, so an ion coming from
 * far away first reaches the plane just above the highest point of the deposit at a uniformly random point: walkers
 * start there. A walker that climbs back to the relaunch plane {@code reservoirDistance} above the highest point
 * (by default as far as the box is wide, beyond the box top if need be: everything above the deposit is empty) has
 * forgotten where it left, and starts again at a random point of the first plane. The deposit then does not depend
 * on the distance (tested), as long as it is comparable to the box's width or more.
 *
 * <p>Approximation: ion transport is quasi-static, each walk finishing before the next event. Protrusions catch more
 * walkers (tip enhancement); without surface diffusion and with sticking 1 this grows a DLA-like deposit.
 */
final class DiffusionLimitedSupply implements IonSupply {
    private final int reservoirDistance;
    private final double sticking;

    /** @param reservoirDistance sites from the highest point of the deposit to the relaunch plane; 0: the box's width */
    DiffusionLimitedSupply(int reservoirDistance, double sticking) {
        this.reservoirDistance = reservoirDistance;
        this.sticking = sticking;
    }

    @Override
    public int land(Deposit deposit, IntToDoubleFunction relativeReductionRate, UniformRandomProvider rng) {
        Lattice lattice = deposit.lattice();
        int highest = deposit.highestTop();
        if (highest >= lattice.sizeZ() - 1) {
            return -1;
        }
        // the highest sites that can touch the deposit: up to the lattice's reach above its top (two layers on hcp1120)
        int launch = Math.min(highest + lattice.reach(), lattice.sizeZ() - 1);
        int distance = reservoirDistance > 0 ? reservoirDistance : Math.max(lattice.sizeX(), lattice.sizeY());
        int relaunch = highest + distance;
        int column = rng.nextInt(lattice.columns());
        int z = launch;
        while (true) {
            if (z <= launch) {
                int site = lattice.site(column, z);
                if (deposit.occupiedNeighbours(site) > 0) {
                    double p = sticking * relativeReductionRate.applyAsDouble(site);
                    if (p >= 1 || rng.nextDouble() < p) {
                        return site;
                    }
                }
            }
            int d = rng.nextInt(lattice.coordination());
            int nz = z + lattice.dz(d);
            if (nz >= relaunch) {
                column = rng.nextInt(lattice.columns());
                z = launch;
                continue;
            }
            int nc = lattice.neighbourColumn(column, z, d);
            // above the launch plane everything is empty (possibly above the box's top)
            if (nz > launch || nz >= deposit.surfaceZ() && deposit.species(lattice.site(nc, nz)) == Species.EMPTY) {
                column = nc;
                z = nz;
            }
        }
    }
}
