package org.anodekmc.engine;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.RateModel;
import org.anodekmc.model.SiteEnergetics;

/**
 * Rates of the per-atom hop attempt (bond-counting law, see {@link Simulation}), tabulated per signature. An
 * attempt's rate bounds the total rate of the atom's hops from above: each empty first-shell neighbour counts at the
 * fastest first-shell rate of the signature (how many are empty follows from the signature), each second-shell
 * direction at its own rate. A picked attempt takes the k-th empty neighbour and keeps it with probability
 * rate/fastest (the host terrace barrier can make lateral hops on the substrate slower than hops up), or a
 * second-shell direction in proportion to its rate; blocked or unsupported targets are refused by the caller.
 */
final class HopAttempts {
    private final int coordination;
    private final int secondShell;
    private final double[] rate;
    private final double[] firstShellPart;
    private final double[] firstShellMax;
    /** 1 / firstShellMax: the pick multiplies instead of dividing. */
    private final double[] inverseFirstShellMax;
    private final double[] firstShellRate;
    private final double[] secondShellCumulative;

    HopAttempts(RateModel rates, Lattice lattice, int directions) {
        SiteEnergetics energetics = rates.energetics();
        int signatures = energetics.signatureCount();
        coordination = lattice.coordination();
        secondShell = directions - coordination;
        rate = new double[signatures];
        firstShellPart = new double[signatures];
        firstShellMax = new double[signatures];
        inverseFirstShellMax = new double[signatures];
        firstShellRate = new double[signatures * coordination];
        secondShellCumulative = new double[signatures * secondShell];
        for (int s = 0; s < signatures; s++) {
            int empty = coordination - energetics.occupied(s);
            if (empty == 0) {
                continue; // a second-shell hop, too, needs a free first-shell site on its way
            }
            // a site next to the substrate cannot hop into it; the first layer's in-layer hops cross the host
            int contactLayer = energetics.contactLayer(s);
            for (int d = 0; d < directions; d++) {
                int dz = lattice.dz(d);
                double r = contactLayer >= 0 && dz < -contactLayer ? 0
                        : rates.hopRateFrom(s, contactLayer == 0 && dz == 0, dz != 0);
                if (d < coordination) {
                    firstShellRate[s * coordination + d] = r;
                    firstShellMax[s] = Math.max(firstShellMax[s], r);
                } else {
                    int j = d - coordination;
                    int at = s * secondShell + j;
                    secondShellCumulative[at] = r + (j > 0 ? secondShellCumulative[at - 1] : 0);
                }
            }
            firstShellPart[s] = empty * firstShellMax[s];
            inverseFirstShellMax[s] = 1 / firstShellMax[s];
            rate[s] = firstShellPart[s] + (secondShell > 0 ? secondShellCumulative[(s + 1) * secondShell - 1] : 0);
        }
    }

    /** Rate of the attempt of an atom with this signature, 1/s (0: it cannot hop). */
    double rate(int signature) {
        return rate[signature];
    }

    /** Part of {@link #rate} that goes to the empty first-shell neighbours. */
    double firstShellPart(int signature) {
        return firstShellPart[signature];
    }

    double firstShellMax(int signature) {
        return firstShellMax[signature];
    }

    double inverseFirstShellMax(int signature) {
        return inverseFirstShellMax[signature];
    }

    double firstShellRate(int signature, int direction) {
        return firstShellRate[signature * coordination + direction];
    }

    /** The second-shell direction at {@code u} ∈ [0, rate − firstShellPart) of the cumulative rates. */
    int secondShellDirection(int signature, double u) {
        int base = signature * secondShell;
        int j = 0;
        while (j < secondShell - 1 && u >= secondShellCumulative[base + j]) {
            j++;
        }
        return coordination + j;
    }
}
