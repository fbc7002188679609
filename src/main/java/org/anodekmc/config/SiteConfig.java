package org.anodekmc.config;

import java.util.Map;

/**
 * One single-atom (SA) species on the substrate. Its density is given either as {@code fraction} of substrate sites or
 * as {@code perNm2}; never both.
 *
 * @param bondEnergy        ε_k in eV: binding of a metal atom to this SA site right below it
 * @param lateralBondEnergy eV: binding of a first-layer metal atom to this SA site below a lateral neighbour (the
 *                          site's coordinating atoms); 0 when the site binds only the atom above it
 * @param placement         random or ordered (a square grid with the spacing that gives the density)
 * @param bindingEnergy     eV, or null: DFT binding of one metal atom at the site; when given, ε_k follows from it
 *                          and {@code referenceEnergy} ({@link EnergyMapping#siteBond})
 * @param referenceEnergy   eV, or null: the metal's own binding computed the same way (default: its cohesive energy)
 */
public record SiteConfig(String preset, String name, double bondEnergy, double lateralBondEnergy, Double fraction,
                         Double perNm2, Placement placement, Double bindingEnergy, Double referenceEnergy,
                         Map<String, String> sources) {
    /** How a species' sites are spread over the substrate. */
    public enum Placement implements ConfigChoice { RANDOM, ORDERED }

    /** How many substrate sites this species occupies on a surface of {@code substrateSites} sites. */
    public int siteCount(int substrateSites, double siteAreaNm2) {
        double count = fraction != null ? fraction * substrateSites : perNm2 * siteAreaNm2 * substrateSites;
        return (int) Math.min(Integer.MAX_VALUE, Math.round(count));
    }
}
