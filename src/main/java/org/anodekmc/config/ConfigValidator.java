package org.anodekmc.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Range and consistency checks on a bound config; the first problem found is thrown, naming its field. */
final class ConfigValidator {
    /** Species codes are bytes; this keeps the rate tables small. */
    static final int MAX_SITE_SPECIES = 8;
    static final long MAX_SITES = Integer.MAX_VALUE - 8;
    /** Below this, every ion of the diffusion-limited supply would walk through millions of contacts. */
    static final double MIN_STICKING = 1e-6;

    private ConfigValidator() {
    }

    static void validate(SimulationConfig c) {
        ConfigLoader.requireFolderName(c.name());
        required("units", c.units(), SimulationConfig.UnitSystem.class);
        positive("temperature", c.temperature(), "K");
        validateLattice(c.lattice());
        validateMetal(c.metal());
        validateElectrolyte(c.electrolyte());
        validateSubstrate(c.substrate(), c.lattice(), c.metal().atomicVolume());
        HopConfig h = c.hops();
        required("hops.law", h.law(), HopConfig.Law.class);
        atLeastZero("hops.neighbourBarrier", h.neighbourBarrier(), "eV");
        SupplyConfig s = c.supply();
        required("supply.mode", s.mode(), SupplyConfig.Mode.class);
        required("supply.landing", s.landing(), SupplyConfig.Landing.class);
        if (s.reservoirDistance() != 0 && s.reservoirDistance() < 2) {
            fail("supply.reservoirDistance", "must be 0 (the box's width) or at least 2 (sites), got "
                    + s.reservoirDistance());
        }
        if (!(s.sticking() >= MIN_STICKING && s.sticking() <= 1)) {
            fail("supply.sticking", "must lie between " + MIN_STICKING + " and 1, got " + s.sticking() + " (an ion"
                    + " touches the deposit about 1/sticking times before it is reduced; for reaction-limited growth"
                    + " use supply mode kinetic)");
        }
        validateControl(c.control(), s);
        if (!c.control().cycling()) {
            validateStop(c.stop()); // a cycling run ends with its last cycle
        }
        validateEngine(c);
        OutputConfig o = c.output();
        if (o.rows() < 2 || o.rows() > 1_000_000) {
            fail("output.rows", "must be between 2 and 1000000, got " + o.rows());
        }
        if (o.frames() < 0 || o.frames() > 100_000) {
            fail("output.frames", "must be between 0 and 100000, got " + o.frames());
        }
    }

    /** Several threads run the kinetic supply under galvanostatic or potentiostatic control (see EngineConfig). */
    private static void validateEngine(SimulationConfig c) {
        if (c.engine() == null) {
            return;
        }
        EngineConfig e = c.engine();
        if (e.threads() < 1 || e.threads() > 256) {
            fail("engine.threads", "must be between 1 and 256, got " + e.threads());
        }
        if (e.windowEvents() != null && !(e.windowEvents() >= 1 && Double.isFinite(e.windowEvents()))) {
            // below one event per band most windows would hold none, and the threads would only wait for each other
            fail("engine.windowEvents", "must be a number of at least 1 (events per band in a window), got "
                    + e.windowEvents());
        }
        if (e.threads() > 1 && c.supply().mode() != SupplyConfig.Mode.KINETIC) {
            fail("engine.threads", "a run on several threads needs supply.mode kinetic (the " + c.supply().mode()
                    .spelling() + " supply walks ions across the whole box); use 1");
        }
        if (e.threads() > 1 && c.control().cycling()) {
            fail("engine.threads", "cycling control runs on one thread (its steps end at a charge or potential "
                    + "reached by one event); use 1");
        }
        if (e.acceleration() != null) {
            validateAcceleration(c, e.acceleration());
        }
    }

    /** Rate scaling pairs each metropolis hop with its reverse. */
    private static void validateAcceleration(SimulationConfig c, AccelerationConfig a) {
        String f = "engine.acceleration";
        if (!(a.fastPerSlow() >= 2)) {
            fail(f + ".fastPerSlow", "must be at least 2 (a slowed channel must stay faster than what it "
                    + "equilibrates between), got " + a.fastPerSlow());
        }
        if (!(a.balanceOrDefault() > 0 && a.balanceOrDefault() < 1)) {
            fail(f + ".balance", "must lie between 0 and 1, got " + a.balance());
        }
        if (a.minEventsOrDefault() < 1) {
            fail(f + ".minEvents", "must be at least 1, got " + a.minEvents());
        }
        if (a.periodEventsOrDefault() < a.minEventsOrDefault()) {
            fail(f + ".periodEvents", "must be at least minEvents (" + a.minEventsOrDefault() + "), got "
                    + a.periodEvents());
        }
        if (!c.hops().enabled() || c.hops().law() != HopConfig.Law.METROPOLIS) {
            fail(f, "scales metropolis hops (each paired with its reverse); needs hops.enabled and hops.law "
                    + "metropolis");
        }
    }

    private static void validateLattice(LatticeConfig l) {
        required("lattice.type", l.type(), LatticeConfig.Type.class);
        List<Integer> size = l.size();
        if (size == null || size.size() != 3 || size.contains(null)) {
            fail("lattice.size", "must be three whole numbers [x, y, z] (sites), got " + size);
        }
        if (l.substrateLayers() < 1) {
            fail("lattice.substrateLayers", "must be at least 1, got " + l.substrateLayers());
        }
        if (l.sizeX() < 4 || l.sizeY() < 4) {
            fail("lattice.size", "x and y must be at least 4 sites, got " + size);
        }
        cOverA("lattice.cOverA", l.type(), l.cOverA());
        int reach = 1;
        try {
            reach = l.lattice(l.sizeX(), l.sizeY(), l.sizeZ()).reach();
        } catch (IllegalArgumentException e) {
            fail("lattice.size", e.getMessage());
        }
        if (l.substrateLayers() < reach) {
            fail("lattice.substrateLayers", "must be at least " + reach + " on " + l.type().spelling() + " (its "
                    + "first shell reaches " + reach + " layers down), got " + l.substrateLayers());
        }
        if (l.sizeZ() < l.substrateLayers() + 3) {
            fail("lattice.size", "z must exceed substrateLayers by at least 3, got " + l.sizeZ());
        }
        if (l.initialMetalLayers() < 0 || l.initialMetalLayers() > l.sizeZ() - l.substrateLayers() - 2) {
            fail("lattice.initialMetalLayers", "must lie between 0 and " + (l.sizeZ() - l.substrateLayers() - 2)
                    + " (z size minus substrate layers minus 2), got " + l.initialMetalLayers());
        }
        if ((long) l.sizeX() * l.sizeY() * l.sizeZ() > MAX_SITES) {
            fail("lattice.size", "at most " + MAX_SITES + " sites in all, got " + size);
        }
    }

    /**
     * A c/a (the run's, or a metal's for its own crystal) fits hcp0001 and hcp1120 only, and only near the ideal
     * ratio.
     */
    static void cOverA(String field, LatticeConfig.Type type, Double cOverA) {
        if (cOverA == null) {
            return;
        }
        if (type != LatticeConfig.Type.HCP0001 && type != LatticeConfig.Type.HCP1120) {
            fail(field, "only hcp0001 and hcp1120 take a c/a, the lattice is " + type.spelling());
        }
        if (!(cOverA >= 1.4 && cOverA <= 2)) {
            fail(field, "must lie between 1.4 and 2 (the lattice keeps the close-packed neighbours, which holds near "
                    + "the ideal 1.633; Zn 1.856), got " + cOverA);
        }
    }

    private static void validateMetal(MetalConfig m) {
        if (m.name() == null || m.name().isBlank()) {
            fail("metal.name", "missing; a name such as Li is required");
        }
        if (m.charge() < 1 || m.charge() > 3) {
            fail("metal.charge", "must be 1, 2 or 3 (electrons per ion), got " + m.charge());
        }
        positive("metal.atomicVolume", m.atomicVolume(), "Å³");
        atLeastZero("metal.bondEnergy", m.bondEnergy(), "eV");
        atLeastZero("metal.terraceBarrier", m.terraceBarrier(), "eV");
        atLeastZero("metal.schwoebelBarrier", m.schwoebelBarrier(), "eV");
        positive("metal.attemptFrequency", m.attemptFrequency(), "1/s");
    }

    private static void validateElectrolyte(ElectrolyteConfig e) {
        positive("electrolyte.exchangeCurrentDensity", e.exchangeCurrentDensity(), "mA/cm²");
        double a = e.transferCoefficient();
        if (!(a > 0 && a < 1)) {
            fail("electrolyte.transferCoefficient", "must lie strictly between 0 and 1, got " + a);
        }
        atLeastZero("electrolyte.activationEnergy", e.activationEnergy(), "eV");
        positive("electrolyte.referenceTemperature", e.referenceTemperature(), "K");
    }

    private static void validateSubstrate(SubstrateConfig s, LatticeConfig l, double atomicVolume) {
        HostConfig h = s.host();
        if (h.name() == null || h.name().isBlank()) {
            fail("substrate.host.name", "missing; a name such as Cu is required");
        }
        atLeastZero("substrate.host.bondEnergy", h.bondEnergy(), "eV");
        atLeastZero("substrate.host.terraceBarrier", h.terraceBarrier(), "eV");
        if (s.sites() == null) {
            fail("substrate.sites", "must be a list of single-atom sites; leave it out for none");
        }
        List<SiteConfig> sites = s.sites();
        if (sites.size() > MAX_SITE_SPECIES) {
            fail("substrate.sites", "at most " + MAX_SITE_SPECIES + " single-atom species, got " + sites.size());
        }
        Set<String> names = new HashSet<>();
        int substrateSites = l.sizeX() * l.sizeY();
        double siteAreaNm2 = Math.pow(Math.cbrt(atomicVolume) / 10, 2);
        long totalCount = 0;
        for (int i = 0; i < sites.size(); i++) {
            SiteConfig site = sites.get(i);
            String f = "substrate.sites[" + i + "]";
            if (site.name() == null || site.name().isBlank()) {
                fail(f + ".name", "missing; a name such as Zn-N4 is required");
            }
            if (!names.add(site.name())) {
                fail(f + ".name", "'" + site.name() + "' is listed twice");
            }
            atLeastZero(f + ".bondEnergy", site.bondEnergy(), "eV");
            atLeastZero(f + ".lateralBondEnergy", site.lateralBondEnergy(), "eV");
            required(f + ".placement", site.placement(), SiteConfig.Placement.class);
            if ((site.fraction() == null) == (site.perNm2() == null)) {
                fail(f, "give exactly one of fraction (of substrate sites) or perNm2 (sites per nm²)");
            }
            if (site.fraction() != null) {
                if (!(site.fraction() > 0 && site.fraction() <= 1)) {
                    fail(f + ".fraction", "must lie in (0, 1], got " + site.fraction());
                }
            } else if (!(site.perNm2() > 0 && Double.isFinite(site.perNm2()))) {
                fail(f + ".perNm2", "must be a positive number (sites per nm²), got " + site.perNm2());
            }
            totalCount += site.siteCount(substrateSites, siteAreaNm2);
        }
        if (totalCount > substrateSites) {
            fail("substrate.sites", "the densities ask for " + totalCount + " single-atom sites, more than the "
                    + substrateSites + " substrate sites of the box");
        }
    }

    private static void validateControl(ControlConfig c, SupplyConfig supply) {
        required("control.mode", c.mode(), ControlConfig.Mode.class);
        positive("control.doubleLayerCapacitance", c.doubleLayerCapacitance(), "μF/cm²");
        positive("control.maxEtaStep", c.maxEtaStep(), "V");
        if (!(Math.abs(c.initialOverpotential()) <= 2)) {
            fail("control.initialOverpotential", "must lie between -2 and 2 V, got " + c.initialOverpotential());
        }
        if (c.cycling()) {
            validateCycling(c, supply);
            return;
        }
        if (c.cycles() != null || c.protocol() != null) {
            fail(c.cycles() != null ? "control.cycles" : "control.protocol", "only for mode: cycling");
        }
        if (c.mode() == ControlConfig.Mode.GALVANOSTATIC) {
            positive("control.currentDensity", c.currentDensity(), "mA/cm²");
        } else {
            if (supply.mode() != SupplyConfig.Mode.KINETIC) {
                fail("control.mode", "the " + supply.mode().spelling()
                        + " supply fixes the current; use galvanostatic");
            }
            List<ControlConfig.PotentialStep> steps = c.overpotential();
            if (steps == null || steps.isEmpty()) {
                fail("control.overpotential", "potentiostatic control needs η in V: a number, or a list of "
                        + "{time: s, eta: V} steps starting at time 0");
            }
            double previous = -1;
            for (int i = 0; i < steps.size(); i++) {
                ControlConfig.PotentialStep s = steps.get(i);
                String f = "control.overpotential[" + i + "]";
                if (i == 0 && s.time() != 0) {
                    fail(f + ".time", "the first step must start at time 0, got " + s.time());
                }
                if (!(s.time() > previous) || !Double.isFinite(s.time())) {
                    fail(f + ".time", "step times must increase, got " + s.time() + " after " + previous);
                }
                if (!(Math.abs(s.eta()) <= 2)) {
                    fail(f + ".eta", "must lie between -2 and 2 V, got " + s.eta());
                }
                previous = s.time();
            }
        }
    }

    private static void validateCycling(ControlConfig c, SupplyConfig supply) {
        if (supply.mode() != SupplyConfig.Mode.KINETIC) {
            fail("control.mode", "cycling needs supply mode kinetic (oxidation), got " + supply.mode().spelling());
        }
        if (c.cycles() == null || c.cycles() < 1 || c.cycles() > 100_000) {
            fail("control.cycles", "cycling needs a whole number of cycles between 1 and 100000, got " + c.cycles());
        }
        List<ControlConfig.ProtocolStep> steps = c.protocol();
        if (steps == null || steps.isEmpty()) {
            fail("control.protocol", "cycling needs a list of steps, e.g. [{current: 1.0, charge: 0.001}, "
                    + "{current: -1.0, cutoffPotential: 0.5}, {current: 0, time: 0.01}]");
        }
        for (int i = 0; i < steps.size(); i++) {
            ControlConfig.ProtocolStep s = steps.get(i);
            String f = "control.protocol[" + i + "]";
            if (s == null || (s.current() == null) == (s.overpotential() == null)) {
                fail(f, "set exactly one of current (mA/cm², galvanostatic) and overpotential (V, potentiostatic)");
            }
            if (s.current() != null && !(Math.abs(s.current()) <= 1000)) {
                fail(f + ".current", "must lie between -1000 and 1000 mA/cm², got " + s.current());
            }
            if (s.overpotential() != null && !(Math.abs(s.overpotential()) <= 2)) {
                fail(f + ".overpotential", "must lie between -2 and 2 V, got " + s.overpotential());
            }
            if (s.time() != null) {
                positive(f + ".time", s.time(), "s");
            }
            if (s.charge() != null) {
                positive(f + ".charge", s.charge(), "mAh/cm²");
            }
            boolean driven = s.galvanostatic() && s.current() != 0;
            if (s.cutoffPotential() != null) {
                if (!driven) {
                    fail(f + ".cutoffPotential", "only for a step with a current other than 0 (the potential of a "
                            + "rest or a potentiostatic step is not driven towards a cut-off)");
                }
                if (!(Math.abs(s.cutoffPotential()) <= 5)) {
                    fail(f + ".cutoffPotential", "must lie between -5 and 5 V, got " + s.cutoffPotential());
                }
            }
            if (!driven && s.time() == null) {
                fail(f + ".time", "a rest or potentiostatic step needs a time (s)");
            }
            if (s.time() == null && s.charge() == null && s.cutoffPotential() == null) {
                fail(f, "set at least one limit: time (s), charge (mAh/cm²) or cutoffPotential (V)");
            }
        }
    }

    private static void validateStop(StopConfig s) {
        if (s.time() == null && s.charge() == null && s.events() == null) {
            fail("stop", "set at least one limit: time (s), charge (mAh/cm²) or events");
        }
        if (s.time() != null) {
            positive("stop.time", s.time(), "s");
        }
        if (s.charge() != null) {
            positive("stop.charge", s.charge(), "mAh/cm²");
        }
        if (s.events() != null && s.events() <= 0) {
            fail("stop.events", "must be a positive whole number, got " + s.events());
        }
    }

    /** The loader refuses a choice it does not know, naming the allowed ones; here only a missing one is left. */
    private static void required(String field, ConfigChoice value, Class<? extends ConfigChoice> type) {
        if (value == null) {
            fail(field, "missing; allowed: " + ConfigChoice.allowed(type));
        }
    }

    private static void positive(String field, double v, String unit) {
        if (!(v > 0) || !Double.isFinite(v)) {
            fail(field, "must be a positive number (" + unit + "), got " + v);
        }
    }

    private static void atLeastZero(String field, double v, String unit) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            fail(field, "must be zero or more (" + unit + "), got " + v);
        }
    }

    private static void fail(String field, String message) {
        throw new ConfigException(field, message);
    }
}
