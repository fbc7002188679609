package org.anodekmc.model;

import org.anodekmc.config.SiteConfig;
import org.anodekmc.config.SubstrateConfig;
import org.anodekmc.lattice.Lattice;

import it.unimi.dsi.fastutil.ints.IntArrayList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the substrate binds at each site next to it. A site of the first metal layer binds the host or single-atom
 * sites under it (each its bond, {@link LatticeBonds}) plus the single-atom sites under its in-layer neighbours that
 * are not under the site itself (their lateralBondEnergy, standing for the site's coordinating atoms). On simple cubic
 * that is the site right below and the four below the lateral neighbours. On hcp1120, whose first shell reaches two
 * layers down, a second-layer site binds the one substrate atom two layers below it (no lateral bonds: the
 * coordinating atoms of a single-atom site stand beside it in the first layer). Sites that bind alike and lie in the
 * same layer share one environment code, so the rate tables stay small; code 0 means "not on the substrate".
 */
public final class SubstrateEnvironments {
    /** More distinct environments than this would make the hop tables (signatures squared) too large. */
    static final int MAX_ENVIRONMENTS = 63;

    private final byte[] codeOfSite;
    private final double[] binding;
    private final int[] contactLayer;

    private SubstrateEnvironments(byte[] codeOfSite, double[] binding, int[] contactLayer) {
        this.codeOfSite = codeOfSite;
        this.binding = binding;
        this.contactLayer = contactLayer;
    }

    /**
     * @param top      species of the top substrate layer by column (host or single-atom species k = FIRST_SITE + k)
     * @param surfaceZ the first layer above the substrate, at least {@link Lattice#reach()}
     */
    public static SubstrateEnvironments of(byte[] top, Lattice lattice, int surfaceZ, SubstrateConfig substrate,
                                           LatticeBonds bonds) {
        if (surfaceZ < lattice.reach()) {
            throw new IllegalArgumentException(lattice.type() + ": its first shell reaches " + lattice.reach()
                    + " substrate layers, the substrate has " + surfaceZ);
        }
        List<SiteConfig> sites = substrate.sites();
        double[] below = new double[Species.FIRST_SITE + sites.size()];
        double[] beside = new double[below.length];
        below[Species.HOST] = bonds.hostBond();
        for (int k = 0; k < sites.size(); k++) {
            below[Species.site(k)] = bonds.siteBond(k);
            beside[Species.site(k)] = sites.get(k).lateralBondEnergy();
        }
        // per layer, keyed on the binding to 1e-12 eV: sums of the same bonds in another order differ in the last bit
        List<Map<Long, Integer>> codeOfBinding = new ArrayList<>();
        List<Double> bindingOfCode = new ArrayList<>();
        IntArrayList layerOfCode = new IntArrayList();
        bindingOfCode.add(0.0);
        layerOfCode.add(-1);
        int columns = lattice.columns();
        byte[] codes = new byte[lattice.reach() * columns];
        IntArrayList under = new IntArrayList();
        IntArrayList nearby = new IntArrayList();
        for (int i = 0; i < codes.length; i++) {
            int layer = i / columns;
            int site = lattice.site(i % columns, surfaceZ + layer);
            under.clear();
            nearby.clear();
            substrateUnder(lattice, site, surfaceZ, under);
            for (int d = 0; d < lattice.hopDirections(true) && layer == 0; d++) {
                if (lattice.dz(d) == 0) {
                    substrateUnder(lattice, lattice.neighbour(site, d), surfaceZ, nearby);
                }
            }
            double b = 0;
            for (int j = 0; j < under.size(); j++) {
                b += below[species(top, lattice, surfaceZ, under.getInt(j))];
            }
            for (int j = 0; j < nearby.size(); j++) {
                int atom = nearby.getInt(j);
                if (!under.contains(atom) && nearby.indexOf(atom) == j) {
                    b += beside[species(top, lattice, surfaceZ, atom)];
                }
            }
            double sum = b;
            if (codeOfBinding.size() == layer) {
                codeOfBinding.add(new LinkedHashMap<>());
            }
            int code = codeOfBinding.get(layer).computeIfAbsent(Math.round(b * 1e12), x -> {
                bindingOfCode.add(sum);
                layerOfCode.add(layer);
                return bindingOfCode.size() - 1;
            });
            if (code > MAX_ENVIRONMENTS) {
                throw new IllegalArgumentException("substrate.sites: the single-atom sites make more than "
                        + MAX_ENVIRONMENTS + " different first-layer environments (with hcp1120's second-layer "
                        + "ones); use fewer species with a lateralBondEnergy");
            }
            codes[i] = (byte) code;
        }
        double[] binding = bindingOfCode.stream().mapToDouble(Double::doubleValue).toArray();
        return new SubstrateEnvironments(codes, binding, layerOfCode.toIntArray());
    }

    /** Adds the substrate atoms that are first-shell neighbours of a site. */
    private static void substrateUnder(Lattice lattice, int site, int surfaceZ, IntArrayList atoms) {
        for (int d = 0; d < lattice.coordination(); d++) {
            int n = lattice.neighbour(site, d);
            if (lattice.dz(d) < 0 && lattice.z(n) < surfaceZ) {
                atoms.add(n);
            }
        }
    }

    /** Species of a substrate atom: single-atom sites lie in the top layer, host below it. */
    private static byte species(byte[] top, Lattice lattice, int surfaceZ, int atom) {
        return lattice.z(atom) == surfaceZ - 1 ? top[lattice.column(atom)] : Species.HOST;
    }

    /**
     * Environment code of a site next to the substrate, numbered as the sites are from the first layer up (the
     * first layer's column c is c, the second layer's columns() + c), 1 or more.
     */
    public byte code(int contactSite) {
        return codeOfSite[contactSite];
    }

    /** Sites with an environment code: the first {@link Lattice#reach()} layers above the substrate. */
    public int contactSites() {
        return codeOfSite.length;
    }

    /** Substrate binding of each environment code, eV; [0] = 0 for sites not on the substrate. */
    public double[] bindings() {
        return binding.clone();
    }

    /** The layer above the substrate of each environment code's sites (0: the first); [0] = −1. */
    public int[] contactLayers() {
        return contactLayer.clone();
    }
}
