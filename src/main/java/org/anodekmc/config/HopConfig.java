package org.anodekmc.config;

/**
 * Surface diffusion.
 *
 * @param enabled           false turns every hop off (e.g. for random deposition)
 * @param law               metropolis: E_a = E_0 + max(0, B(i) − B'(j)) (+ E_ES); bond-counting: E_a = E_0 + n_i·E_n
 * @param neighbourBarrier  E_n in eV, bond-counting law only
 * @param secondShell       allow second-shell hops that change layer (needed to climb or descend steps)
 */
public record HopConfig(boolean enabled, Law law, double neighbourBarrier, boolean secondShell) {
    /** The activation energy of a hop. */
    public enum Law implements ConfigChoice { METROPOLIS, BOND_COUNTING }
}
