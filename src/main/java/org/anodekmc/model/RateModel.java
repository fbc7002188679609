package org.anodekmc.model;

import org.anodekmc.config.HopConfig;
import org.anodekmc.config.MetalConfig;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.units.Units;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every event rate of the model, tabulated once per run (docs/model.md, "Events and rates").
 * <ul>
 * <li>reduction at an empty site with signature s: k0·exp(α(B_s − B_kink)/kT) · exp(α·n·η/kT)</li>
 * <li>oxidation of a metal atom with signature s: k0·exp(−(1−α)(B_s − B_kink)/kT) · exp(−(1−α)·n·η/kT)</li>
 * <li>hop: ν·exp(−E_a/kT), E_a from the configured law; rates that come out equal share one class</li>
 * </ul>
 * The η-dependence is one factor per event group, so a change of η never touches individual events.
 */
public final class RateModel {
    private final SiteEnergetics energetics;
    private final LatticeBonds bonds;
    private final double kT;
    private final double alpha;
    private final int charge;
    private final double k0;
    private final double latticeConstant;
    private final double siteArea;
    private final double[] reductionBase;
    private final double[] oxidationBase;
    private final short[] hopClassByKey;
    private final double[] hopRate;
    private final boolean hopRateDependsOnTarget;

    /**
     * @param substrateBinding what the substrate binds at the sites next to it, by environment code
     *                         ({@link SubstrateEnvironments#bindings()})
     * @param contactLayer     the layer above the substrate of each code's sites
     *                         ({@link SubstrateEnvironments#contactLayers()})
     */
    public RateModel(SimulationConfig c, Lattice lattice, LatticeBonds bonds, double[] substrateBinding,
                     int[] contactLayer) {
        this.bonds = bonds;
        this.energetics = new SiteEnergetics(lattice, bonds.metalBond(), substrateBinding, contactLayer);
        this.kT = Units.kT(c.temperature());
        this.alpha = c.electrolyte().transferCoefficient();
        this.charge = c.metal().charge();
        this.latticeConstant = lattice.layerSpacing() * Math.cbrt(c.metal().atomicVolume());
        this.siteArea = siteArea(lattice, c.metal());
        this.k0 = Units.fluxPerSite(c.electrolyte().exchangeCurrentDensityAt(c.temperature()), siteArea, charge);

        int n = energetics.signatureCount();
        reductionBase = new double[n];
        oxidationBase = new double[n];
        for (int s = 0; s < n; s++) {
            double excess = energetics.binding(s) - energetics.kinkBinding();
            reductionBase[s] = k0 * Math.exp(alpha * excess / kT);
            oxidationBase[s] = k0 * Math.exp(-(1 - alpha) * excess / kT);
        }

        hopClassByKey = new short[n * n * 4];
        Map<Double, Integer> classOfRate = new LinkedHashMap<>();
        HopConfig hops = c.hops();
        hopRateDependsOnTarget = hops.law() != HopConfig.Law.BOND_COUNTING;
        for (int from = 0; from < n; from++) {
            for (int to = 0; to < n; to++) {
                for (int hostTerrace = 0; hostTerrace < 2; hostTerrace++) {
                    for (int interlayer = 0; interlayer < 2; interlayer++) {
                        int key = hopKey(from, to, hostTerrace == 1, interlayer == 1);
                        // an atom hops only from and to supported positions, so that every hop can be reversed
                        if (!hops.enabled() || energetics.occupied(from) == 0 || energetics.occupied(to) == 0) {
                            hopClassByKey[key] = -1;
                            continue;
                        }
                        double barrier = (hostTerrace == 1 ? c.substrate().host().terraceBarrier()
                                : c.metal().terraceBarrier())
                                + (interlayer == 1 ? c.metal().schwoebelBarrier() : 0);
                        if (!hopRateDependsOnTarget) {
                            barrier += energetics.occupied(from) * bonds.neighbourBarrier();
                        } else {
                            barrier += Math.max(0, energetics.binding(from) - energetics.binding(to));
                        }
                        double rate = c.metal().attemptFrequency() * Math.exp(-barrier / kT);
                        Integer cls = classOfRate.computeIfAbsent(rate, r -> classOfRate.size());
                        hopClassByKey[key] = (short) (int) cls;
                    }
                }
            }
        }
        hopRate = new double[classOfRate.size()];
        classOfRate.forEach((rate, cls) -> hopRate[cls] = rate);
    }

    private int hopKey(int from, int to, boolean hostTerrace, boolean interlayer) {
        return ((from * energetics.signatureCount() + to) * 2 + (hostTerrace ? 1 : 0)) * 2 + (interlayer ? 1 : 0);
    }

    /**
     * Rate class of a hop, or -1 if the hop is not allowed.
     *
     * @param from        signature of the atom's site before the hop
     * @param to          signature of the target with the moving atom already removed
     * @param hostTerrace both ends lie on the first layer above the substrate
     * @param interlayer  a hop that changes layer (crosses a step edge)
     */
    public int hopClass(int from, int to, boolean hostTerrace, boolean interlayer) {
        return hopClassByKey[hopKey(from, to, hostTerrace, interlayer)];
    }

    /**
     * Whether a hop's rate depends on the binding at its target (metropolis) or only on the mover, given that the
     * target is supported (bond-counting).
     */
    public boolean hopRateDependsOnTarget() {
        return hopRateDependsOnTarget;
    }

    /**
     * Rate of a hop from a site of signature {@code from} to any supported target, 1/s (0 if the atom cannot hop),
     * for a law whose rate does not depend on the target.
     */
    public double hopRateFrom(int from, boolean hostTerrace, boolean interlayer) {
        if (hopRateDependsOnTarget) {
            throw new IllegalStateException("the hop rate depends on the target");
        }
        int supportedTarget = energetics.signature(1, SiteEnergetics.ABOVE_METAL_OR_EMPTY);
        int cls = hopClass(from, supportedTarget, hostTerrace, interlayer);
        return cls < 0 ? 0 : hopRate[cls];
    }

    public int hopClassCount() {
        return hopRate.length;
    }

    public double hopRate(int hopClass) {
        return hopRate[hopClass];
    }

    /** Reduction rate at η = 0 for an empty site of this signature, 1/s. */
    public double reductionBase(int signature) {
        return reductionBase[signature];
    }

    /** Oxidation rate at η = 0 for a metal atom of this signature, 1/s. */
    public double oxidationBase(int signature) {
        return oxidationBase[signature];
    }

    public double reductionFactor(double eta) {
        return Math.exp(alpha * charge * eta / kT);
    }

    public double oxidationFactor(double eta) {
        return Math.exp(-(1 - alpha) * charge * eta / kT);
    }

    public SiteEnergetics energetics() {
        return energetics;
    }

    /** The config's bonds on the run's lattice. */
    public LatticeBonds bonds() {
        return bonds;
    }

    public double kT() {
        return kT;
    }

    public int charge() {
        return charge;
    }

    /** Area per column, cm²: the lattice's column area in units of Ω^(2/3) (a² with a = Ω^(1/3) on simple cubic). */
    public static double siteArea(Lattice lattice, MetalConfig metal) {
        return lattice.columnArea() * Math.pow(Math.cbrt(metal.atomicVolume()) * Units.ANGSTROM_CM, 2);
    }

    /** k0 = j0(T)·A_site/(n·e), 1/s. */
    public double k0() {
        return k0;
    }

    /** Distance between layers, Å (a = Ω^(1/3) on simple cubic). */
    public double latticeConstant() {
        return latticeConstant;
    }

    /** Area per column, cm² (a² on simple cubic). */
    public double siteArea() {
        return siteArea;
    }
}
