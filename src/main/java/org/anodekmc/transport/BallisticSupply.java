package org.anodekmc.transport;

import org.anodekmc.engine.IonSupply;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.state.Deposit;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.function.IntToDoubleFunction;

/**
 * Each ion falls straight down a random column, as in thin-film growth codes: it lands on top of the column
 * (random deposition) or, with first contact, at the first site that touches the deposit (ballistic deposition).
 */
final class BallisticSupply implements IonSupply {
    private final boolean firstContact;

    BallisticSupply(boolean firstContact) {
        this.firstContact = firstContact;
    }

    @Override
    public int land(Deposit deposit, IntToDoubleFunction relativeReductionRate, UniformRandomProvider rng) {
        Lattice lattice = deposit.lattice();
        int column = rng.nextInt(lattice.columns());
        int z = deposit.columnTop(column) + 1;
        if (firstContact) {
            // the first site from above with an occupied neighbour: beside the highest lateral neighbour column
            for (int d = 0; d < lattice.coordination(); d++) {
                if (lattice.dz(d) == 0) {
                    z = Math.max(z, deposit.columnTop(lattice.neighbourColumn(column, z, d)));
                }
            }
        }
        return z < lattice.sizeZ() ? lattice.site(column, z) : -1;
    }
}
