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
 * What the substrate binds at each site of the first metal layer: the host or single-atom sites under it (each its
 * bond, {@link LatticeBonds}) plus the single-atom sites under its in-layer neighbours that are not under the site
 * itself (their lateralBondEnergy, standing for the site's coordinating atoms). On simple cubic that is the site right
 * below and the four below the lateral neighbours. Columns whose first-layer sites bind alike share one environment
 * code, so the rate tables stay small; code 0 means "not on the substrate".
 */
public final class SubstrateEnvironments {
    /** More distinct environments than this would make the hop tables (signatures squared) too large. */
    static final int MAX_ENVIRONMENTS = 63;

    private final byte[] codeOfColumn;
    private final double[] binding;

    private SubstrateEnvironments(byte[] codeOfColumn, double[] binding) {
        this.codeOfColumn = codeOfColumn;
        this.binding = binding;
    }

    /**
     * @param top      species of the top substrate layer by column (host or single-atom species k = FIRST_SITE + k)
     * @param surfaceZ the first layer above the substrate
     */
    public static SubstrateEnvironments of(byte[] top, Lattice lattice, int surfaceZ, SubstrateConfig substrate,
                                           LatticeBonds bonds) {
        List<SiteConfig> sites = substrate.sites();
        double[] below = new double[Species.FIRST_SITE + sites.size()];
        double[] beside = new double[below.length];
        below[Species.HOST] = bonds.hostBond();
        for (int k = 0; k < sites.size(); k++) {
            below[Species.site(k)] = bonds.siteBond(k);
            beside[Species.site(k)] = sites.get(k).lateralBondEnergy();
        }
        // keyed on the binding to 1e-12 eV: sums of the same bonds in another order differ in the last bit
        Map<Long, Integer> codeOfBinding = new LinkedHashMap<>();
        List<Double> bindingOfCode = new ArrayList<>();
        bindingOfCode.add(0.0);
        byte[] codes = new byte[top.length];
        IntArrayList under = new IntArrayList();
        IntArrayList nearby = new IntArrayList();
        for (int c = 0; c < top.length; c++) {
            int site = lattice.site(c, surfaceZ);
            under.clear();
            nearby.clear();
            substrateUnder(lattice, site, under);
            for (int d = 0; d < lattice.hopDirections(true); d++) {
                if (lattice.dz(d) == 0) {
                    substrateUnder(lattice, lattice.neighbour(site, d), nearby);
                }
            }
            double b = 0;
            for (int i = 0; i < under.size(); i++) {
                b += below[top[under.getInt(i)]];
            }
            for (int i = 0; i < nearby.size(); i++) {
                int column = nearby.getInt(i);
                if (!under.contains(column) && nearby.indexOf(column) == i) {
                    b += beside[top[column]];
                }
            }
            double sum = b;
            int code = codeOfBinding.computeIfAbsent(Math.round(b * 1e12), x -> {
                bindingOfCode.add(sum);
                return codeOfBinding.size() + 1;
            });
            if (code > MAX_ENVIRONMENTS) {
                throw new IllegalArgumentException("substrate.sites: the single-atom sites make more than "
                        + MAX_ENVIRONMENTS + " different first-layer environments; use fewer species with a "
                        + "lateralBondEnergy");
            }
            codes[c] = (byte) code;
        }
        double[] binding = bindingOfCode.stream().mapToDouble(Double::doubleValue).toArray();
        return new SubstrateEnvironments(codes, binding);
    }

    /** Adds the columns of the substrate atoms under a first-layer site. */
    private static void substrateUnder(Lattice lattice, int site, IntArrayList columns) {
        for (int d = 0; d < lattice.coordination(); d++) {
            if (lattice.dz(d) < 0) {
                columns.add(lattice.column(lattice.neighbour(site, d)));
            }
        }
    }

    /** Environment code of the first-layer site of a column (1 or more). */
    public byte code(int column) {
        return codeOfColumn[column];
    }

    /** Substrate binding of each environment code, eV; [0] = 0 for sites not on the substrate. */
    public double[] bindings() {
        return binding.clone();
    }
}
