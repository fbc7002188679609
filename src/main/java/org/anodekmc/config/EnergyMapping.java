package org.anodekmc.config;

/**
 * How the lattice's bonds follow from measured or computed material quantities (docs/model.md, "Energy mapping").
 * An empty site is electrolyte, so every bond of the model is a bond in the electrolyte: the interfaces that count
 * are metal/electrolyte and metal/host in the electrolyte, not metal/vacuum.
 */
public final class EnergyMapping {
    private static final double EV = 1.602176634e-19;
    private static final double ANGSTROM2 = 1e-20;
    /** Bonds a kink (half-crystal) atom of the simple cubic lattice has: B_kink = 3·ε_MM. */
    public static final int KINK_BONDS = 3;

    private EnergyMapping() {
    }

    /**
     * ε_MM from the metal/electrolyte interfacial energy γ: a (100) face of the simple cubic lattice cuts one bond
     * per two surface sites of area a², so γ = ε_MM/(2a²).
     *
     * @param interfacialEnergy γ in J/m²
     * @param atomicVolume      Ω in Å³ (a = Ω^(1/3))
     * @return ε_MM in eV
     */
    public static double metalBond(double interfacialEnergy, double atomicVolume) {
        double siteArea = Math.pow(atomicVolume, 2.0 / 3.0) * ANGSTROM2;
        return 2 * interfacialEnergy * siteArea / EV;
    }

    /**
     * ε_s from the contact angle θ of the metal on the host in the electrolyte, by Young–Dupré: the work of adhesion
     * γ(1 + cos θ) equals ε_s/a², so ε_s = ε_MM(1 + cos θ)/2. Complete wetting (θ = 0) is the lattice's threshold
     * ε_s = ε_MM above which a first layer is stable at η = 0; θ = 90° is ε_s = ε_MM/2.
     *
     * @param metalBond    ε_MM in eV
     * @param contactAngle θ in degrees
     * @return ε_s in eV
     */
    public static double hostBond(double metalBond, double contactAngle) {
        return metalBond * (1 + Math.cos(Math.toRadians(contactAngle))) / 2;
    }

    /**
     * ε_k of a single-atom site from DFT: a metal atom binds to the site as strongly, relative to the kink, as the
     * DFT binding at the site is relative to the metal's own binding computed the same way (its cohesive energy),
     * so ε_k = B_kink·E_site/E_metal; a site that binds above the metal's cohesive energy binds above B_kink and
     * takes the metal at underpotential.
     *
     * @param metalBond      ε_MM in eV
     * @param siteBinding    E_site, the DFT binding energy of one metal atom at the site (positive = bound), eV
     * @param metalReference E_metal, the metal's own binding (cohesive energy) by the same method, eV
     * @return ε_k in eV
     */
    public static double siteBond(double metalBond, double siteBinding, double metalReference) {
        return KINK_BONDS * metalBond * siteBinding / metalReference;
    }
}
