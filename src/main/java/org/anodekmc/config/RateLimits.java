package org.anodekmc.config;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.units.Units;

import java.util.List;

/**
 * Refuses configs that cannot work whatever their units: rates beyond the range of a double, a temperature so high
 * that the model's energies no longer matter, and a clock that cannot advance. Physically implausible but workable
 * values only get a warning ({@link Plausibility}).
 */
final class RateLimits {
    /**
     * Largest natural logarithm allowed for a rate at η = 0, 1/s. exp(709.8) is the largest double; the margin leaves
     * room for the sum over up to 2^31 sites (e^21.5) and for the η factor of the electron-transfer rates.
     */
    static final double MAX_LOG_RATE = 600;
    /** Above this many times the largest energy of the model, every Boltzmann factor is within 1 % of 1. */
    static final double MAX_KT_OVER_ENERGY = 100;
    /**
     * Neighbours of a site on simple cubic, where configs give their bonds: on other lattices the engine converts the
     * metal's bonds so that Z·ε_MM stays 6·ε_MM (model/LatticeBonds).
     */
    private static final int COORDINATION = 6;
    /** Most steps of η (each a recomputation of the rates) the current may need per reduced ion. */
    static final double MAX_ETA_STEPS_PER_ION = 1e6;

    private RateLimits() {
    }

    static void check(SimulationConfig c) {
        double kT = Units.kT(c.temperature());
        MetalConfig m = c.metal();
        double largestEnergy = largestEnergy(c);
        if (largestEnergy > 0 && kT > MAX_KT_OVER_ENERGY * largestEnergy) {
            throw new ConfigException("temperature", String.format(java.util.Locale.ROOT, "%s K cannot work: kT = "
                    + "%.3g eV is more than %.0f times the largest energy of the model (%.3g eV), so every rate "
                    + "equals the attempt frequency and the run would not finish", Plausibility.number(c.temperature()), kT,
                    MAX_KT_OVER_ENERGY, largestEnergy));
        }
        // electron transfer: k0·exp(α·(B − B_kink)/kT) and k0·exp((1 − α)·(B_kink − B)/kT), B from 0 to its maximum
        double siteArea = Math.pow(Math.cbrt(m.atomicVolume()) * Units.ANGSTROM_CM, 2);
        double logK0 = Math.log(Units.fluxPerSite(c.electrolyte().exchangeCurrentDensityAt(c.temperature()), siteArea,
                m.charge()));
        double kink = COORDINATION / 2.0 * m.bondEnergy();
        double strongest = COORDINATION * m.bondEnergy() + strongestSubstrateBinding(c);
        double alpha = c.electrolyte().transferCoefficient();
        double logRate = Math.max(logK0 + alpha * (strongest - kink) / kT, logK0 + (1 - alpha) * kink / kT);
        logRate = Math.max(logRate, Math.log(m.attemptFrequency()));
        if (c.control().mode() == ControlConfig.Mode.GALVANOSTATIC) {
            // the reductions that carry the current need at least this rate per site
            double logCurrentRate = Math.log(Units.fluxPerSite(c.control().currentDensity(), siteArea, m.charge()));
            if (!(logCurrentRate <= MAX_LOG_RATE)) {
                throw new ConfigException("control.currentDensity", String.format(java.util.Locale.ROOT, "%s mA/cm² "
                        + "cannot work: carrying it takes more than exp(%.0f) reductions per site and second, too "
                        + "close to the largest double (about exp(709))",
                        Plausibility.number(c.control().currentDensity()), MAX_LOG_RATE));
            }
        }
        if (!(logRate <= MAX_LOG_RATE)) {
            throw new ConfigException("temperature", String.format(java.util.Locale.ROOT, "%s K cannot work: the "
                    + "electron-transfer rates reach exp(%.0f)/s, beyond what a double holds (about exp(709)); "
                    + "the binding energies (up to %.3g eV) are too large against kT = %.3g eV",
                    Plausibility.number(c.temperature()), logRate, strongest, kT));
        }
        checkClock(c);
        checkEtaSteps(c, siteArea);
    }

    /** Largest energy that enters a rate, eV. */
    private static double largestEnergy(SimulationConfig c) {
        MetalConfig m = c.metal();
        HostConfig h = c.substrate().host();
        double hop = Math.max(m.terraceBarrier(), h.terraceBarrier()) + m.schwoebelBarrier()
                + COORDINATION * c.hops().neighbourBarrier();
        return Math.max(hop, COORDINATION * m.bondEnergy() + strongestSubstrateBinding(c));
    }

    /**
     * An upper bound of the binding a first-layer site can get from the substrate, eV: every substrate atom under it
     * the most strongly binding one, every one under its in-layer neighbours a site with the largest lateral bond.
     */
    private static double strongestSubstrateBinding(SimulationConfig c) {
        SubstrateConfig s = c.substrate();
        double below = s.host().bondEnergy();
        double beside = 0;
        for (SiteConfig site : s.sites() == null ? List.<SiteConfig>of() : s.sites()) {
            below = Math.max(below, site.bondEnergy());
            beside = Math.max(beside, site.lateralBondEnergy());
        }
        Lattice lattice = c.lattice().lattice(4, 4, 4);
        int under = lattice.neighboursBelow();
        int inLayer = 0;
        for (int d = 0; d < lattice.hopDirections(true); d++) {
            inLayer += lattice.dz(d) == 0 ? 1 : 0;
        }
        return under * below + inLayer * under * beside;
    }

    /**
     * With modelled η, each reduced ion takes η back by e/(C_dl·A) and the current drives it up again in steps of at
     * most maxEtaStep, one recomputation of the rates each: beyond a million such steps per ion the run would never
     * get anywhere. (The box area from the cube-root site area, as above: an order-of-magnitude bound.)
     */
    private static void checkEtaSteps(SimulationConfig c, double siteArea) {
        ControlConfig control = c.control();
        if (control.mode() == ControlConfig.Mode.POTENTIOSTATIC || c.supply().mode() != SupplyConfig.Mode.KINETIC) {
            return;
        }
        double area = siteArea * c.lattice().size().get(0) * c.lattice().size().get(1);
        double etaPerIon = Units.coulombsPerIon(c.metal().charge())
                / (Units.faradsPerCm2(control.doubleLayerCapacitance()) * area);
        double steps = etaPerIon / control.maxEtaStep();
        if (!(steps <= MAX_ETA_STEPS_PER_ION)) {
            throw new ConfigException("control.maxEtaStep", String.format(java.util.Locale.ROOT, "%s V cannot work: "
                    + "each reduced ion moves η by %.3g V (e/(doubleLayerCapacitance·box area)), so the run would "
                    + "take %.3g steps of η per ion, more than %.0e", Plausibility.number(control.maxEtaStep()),
                    etaPerIon, steps, MAX_ETA_STEPS_PER_ION));
        }
    }

    /**
     * Under galvanostatic control with modelled η, rates are held frozen for maxEtaStep·C_dl/j at a time; if that is
     * below the resolution of the clock at the stop time, time can no longer advance and the run never ends.
     */
    private static void checkClock(SimulationConfig c) {
        ControlConfig control = c.control();
        if (control.mode() != ControlConfig.Mode.GALVANOSTATIC || c.supply().mode() != SupplyConfig.Mode.KINETIC) {
            return;
        }
        double held = control.maxEtaStep() * Units.faradsPerCm2(control.doubleLayerCapacitance())
                / Units.ampsPerCm2(control.currentDensity());
        StopConfig stop = c.stop();
        double end = stop.time() == null ? Double.POSITIVE_INFINITY : stop.time();
        if (stop.charge() != null) {
            end = Math.min(end, Units.secondsToPass(stop.charge(), control.currentDensity()));
        }
        if (Double.isFinite(end) && !(held > Math.ulp(end))) {
            throw new ConfigException("control.maxEtaStep", String.format(java.util.Locale.ROOT, "the rates are "
                    + "held for %.3g s at a time (maxEtaStep·doubleLayerCapacitance/currentDensity), below the "
                    + "clock's resolution of %.3g s at the stop time %.3g s: the run could never finish", held,
                    Math.ulp(end), end));
        }
    }
}
