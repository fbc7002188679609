package org.anodekmc.engine;

import org.anodekmc.state.Deposit;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.function.IntToDoubleFunction;

/**
 * An ion supply that fixes the flux (set by the applied current) and decides where each arriving ion is reduced,
 * instead of the kinetic mode's site-by-site reduction rates. Implementations live in package transport.
 */
public interface IonSupply {
    /**
     * The site where the next arriving ion is reduced: an empty site with an occupied neighbour, or -1 if the ion
     * finds no place below the top of the box.
     *
     * @param relativeReductionRate of an empty site next to the deposit: its reduction rate relative to a kink site
     *                              at the same η ({@link Simulation#relativeReductionRate})
     */
    int land(Deposit deposit, IntToDoubleFunction relativeReductionRate, UniformRandomProvider rng);
}
