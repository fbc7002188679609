package org.anodekmc.model;

import org.anodekmc.config.EngineConfig;
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
    /** Channel of each hop class (rate scaling only, else empty): a hop and its reverse share one. */
    private final int[] hopChannel;
    /** Of each hop class: +1 uphill, −1 downhill, 0 level (rate scaling only, else empty). */
    private final byte[] hopDirection;
    private final java.util.List<String> channelNames = new java.util.ArrayList<>();

    /** What makes hops one class: their rate, and under rate scaling their channel and direction in it. */
    private record ClassKey(double rate, int channel, int direction) {
    }

    /**
     * A channel of mutually reverse hops: the same kind of barrier (host terrace, interlayer) and the same |ΔE|, in
     * units of 1e-9 eV so that rounding does not split a pair.
     */
    private record ChannelKey(int kind, long nanoElectronVolts) {
    }

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
        Map<ClassKey, Integer> classOfKey = new LinkedHashMap<>();
        Map<ChannelKey, Integer> channelOfKey = new LinkedHashMap<>();
        HopConfig hops = c.hops();
        hopRateDependsOnTarget = hops.law() != HopConfig.Law.BOND_COUNTING;
        // rate scaling needs a hop's class to tell its channel; without it classes are told apart by rate alone
        boolean channels = EngineConfig.of(c).acceleration() != null;
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
                        ClassKey classKey = new ClassKey(rate, -1, 0);
                        if (channels) {
                            double uphill = energetics.binding(from) - energetics.binding(to);
                            ChannelKey ck = new ChannelKey(hostTerrace * 2 + interlayer,
                                    Math.round(Math.abs(uphill) * 1e9));
                            int channel = channelOfKey.computeIfAbsent(ck, k -> {
                                channelNames.add(channelName(k));
                                return channelOfKey.size();
                            });
                            classKey = new ClassKey(rate, channel, ck.nanoElectronVolts() == 0 ? 0
                                    : uphill > 0 ? 1 : -1);
                        }
                        Integer cls = classOfKey.computeIfAbsent(classKey, k -> classOfKey.size());
                        hopClassByKey[key] = (short) (int) cls;
                    }
                }
            }
        }
        hopRate = new double[classOfKey.size()];
        hopChannel = new int[channels ? classOfKey.size() : 0];
        hopDirection = new byte[hopChannel.length];
        classOfKey.forEach((k, cls) -> {
            hopRate[cls] = k.rate();
            if (channels) {
                hopChannel[cls] = k.channel();
                hopDirection[cls] = (byte) k.direction();
            }
        });
    }

    private static String channelName(ChannelKey k) {
        String kind = switch (k.kind()) {
            case 0 -> "on metal";
            case 1 -> "on metal, changing layer";
            case 2 -> "on the host";
            default -> "on the host, changing layer";
        };
        return kind + ", |ΔE| " + String.format(java.util.Locale.ROOT, "%.4f", k.nanoElectronVolts() * 1e-9) + " eV";
    }

    /** Hop channels (rate scaling only, else 0): sets of classes that hold each hop together with its reverse. */
    public int hopChannelCount() {
        return channelNames.size();
    }

    /** Channel of a hop class, under rate scaling. */
    public int hopChannel(int hopClass) {
        return hopChannel[hopClass];
    }

    /** Direction of a hop class in its channel: +1 uphill, −1 downhill, 0 level (its own reverse's class). */
    public int hopDirection(int hopClass) {
        return hopDirection[hopClass];
    }

    /** What the hops of a channel are, e.g. "on the host, |ΔE| 0.0000 eV". */
    public String hopChannelName(int channel) {
        return channelNames.get(channel);
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
