package org.anodekmc.io;

import org.anodekmc.config.AccelerationConfig;
import org.anodekmc.config.EngineConfig;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.engine.Simulation;
import org.anodekmc.observe.Islands;
import org.anodekmc.observe.NucleationAnalysis;
import org.anodekmc.observe.Sample;
import org.anodekmc.observe.SurfaceStatistics;
import org.anodekmc.observe.Terraces;
import org.anodekmc.units.Units;

import java.util.LinkedHashMap;
import java.util.Map;

/** The content of summary.json: key results of a run, with units in the field names. */
public final class Summaries {
    /** η may move by at most this fraction of kT/e per event before the output warns about it. */
    static final double ETA_STEP_WARNING_KT = 0.1;

    private Summaries() {
    }

    /** The rate scaling used: its settings, the events it saved, and each channel it slowed. */
    private static Map<String, Object> acceleration(AccelerationConfig a, Simulation sim, double temperature) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fastPerSlow", a.fastPerSlow());
        m.put("balance", a.balanceOrDefault());
        m.put("minEvents", a.minEventsOrDefault());
        m.put("periodEvents", a.periodEventsOrDefault());
        m.put("periods", sim.scalingPeriods());
        m.put("eventGain", sim.eventGain());
        java.util.List<Map<String, Object>> channels = new java.util.ArrayList<>();
        for (Simulation.ScaledChannel c : sim.scaledChannels()) {
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("hops", c.hops());
            ch.put("factor", c.factor());
            ch.put("smallestFactor", c.smallestFactor());
            ch.put("averageFactor", c.averageFactor());
            // as if each of the channel's barriers had been this much higher
            ch.put("averageBarrierShift_eV", Units.kT(temperature) * Math.log(1 / c.averageFactor()));
            ch.put("hopsCarriedOut", c.fired());
            channels.add(ch);
        }
        m.put("scaledChannels", channels);
        return m;
    }

    /** @param atPeak the nuclei at the row of the η peak (null without a nucleation analysis) */
    public static Map<String, Object> of(SimulationConfig config, Simulation sim, Simulation.Stop stop, Sample last,
                                         NucleationAnalysis nucleation, Islands atPeak, double wallSeconds) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", config.name());
        s.put("seed", config.seed());
        s.put("stopReason", switch (stop) {
            case TARGET -> "stop limit reached";
            case BOX_FULL -> "deposit reached the top of the box";
            case STALLED -> "no event possible";
            case PROTOCOL_DONE -> "last cycle finished";
        });
        s.put("time_s", sim.time());
        s.put("events", sim.events());
        s.put("reductions", sim.reductions());
        s.put("oxidations", sim.oxidations());
        for (String counter : Simulation.counters()) {
            s.put(counter, sim.count(counter));
        }
        s.put("nullSteps", sim.nullSteps());
        s.put("refusedEvents", sim.rejected());
        s.put("atoms", sim.metalAtoms());
        s.put("deadAtoms", sim.deadAtoms());
        s.put("charge_mAh_cm2", sim.chargeMAhPerCm2());
        s.put("eta_V", number(sim.eta()));
        s.put("area_cm2", sim.areaCm2());
        s.put("latticeConstant_A", sim.rates().latticeConstant());
        Map<String, Object> lattice = new LinkedHashMap<>();
        lattice.put("type", sim.lattice().type());
        lattice.put("metalBond_eV", sim.rates().bonds().metalBond());
        lattice.put("hostBond_eV", sim.rates().bonds().hostBond());
        lattice.put("kinkBinding_eV", sim.rates().energetics().kinkBinding());
        s.put("lattice", lattice);
        var acceleration = EngineConfig.of(config).acceleration();
        if (acceleration != null) {
            s.put("acceleration", acceleration(acceleration, sim, config.temperature()));
        }
        s.put("wall_s", wallSeconds);
        s.put("eventsPerSecond", sim.events() / Math.max(wallSeconds, 1e-9));

        if (nucleation != null) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("nucleationOverpotential_V", number(nucleation.nucleationOverpotential()));
            n.put("peakEta_V", nucleation.peakEta());
            n.put("peakTime_s", nucleation.peakTime());
            n.put("peakCharge_mAh_cm2", nucleation.peakCharge());
            n.put("plateauEta_V", number(nucleation.plateauEta()));
            n.put("plateauWindow_s", new double[]{nucleation.plateauStart(), nucleation.plateauEnd()});
            n.put("plateauRows", nucleation.plateauRows());
            n.put("substrateNucleationOverpotential_V", number(nucleation.substrateNucleationOverpotential()));
            n.put("substratePeakEta_V", nucleation.substratePeakEta());
            n.put("nucleusDensityAtPeak_cm2", atPeak.nuclei() / sim.areaCm2());
            n.put("meanNucleusSizeAtPeak_atoms", atPeak.meanNucleusSize());
            n.put("method", NucleationAnalysis.METHOD);
            s.put("nucleation", n);
        }

        double nmPerLayer = sim.rates().latticeConstant() / 10;
        SurfaceStatistics surface = last.surface();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("meanHeight_nm", surface.meanHeight() * nmPerLayer);
        m.put("roughness_nm", surface.roughness() * nmPerLayer);
        m.put("maxHeight_nm", surface.maxHeight() * nmPerLayer);
        m.put("coverage", surface.coverage());
        m.put("siteCoverage", number(surface.siteCoverage()));
        m.put("maxMinusMeanHeight_nm", (surface.maxHeight() - surface.meanHeight()) * nmPerLayer);
        m.put("porosity", surface.porosity());
        m.put("tips", last.morphology().tips());
        m.put("fractalDimension", number(last.morphology().fractalDimension()));
        m.put("terraceFraction", number(Terraces.fraction(sim)));
        s.put("surface", m);

        Islands islands = last.islands();
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("nuclei", islands.nuclei());
        i.put("nucleusDensity_cm2", islands.nuclei() / sim.areaCm2());
        i.put("meanNucleusSize_atoms", islands.meanNucleusSize());
        i.put("meanNucleusRadius_nm", islands.meanEquivalentRadiusNm(sim.rates().siteArea()));
        i.put("adatoms", islands.adatoms());
        i.put("detachedAtoms", islands.detachedAtoms());
        s.put("islands", i);

        Map<String, Object> sub = new LinkedHashMap<>();
        sub.put("sites", sim.substrateSites());
        for (int k = 0; k < config.substrate().sites().size(); k++) {
            sub.put(config.substrate().sites().get(k).name(), sim.siteSpeciesCount(k));
        }
        s.put("substrate", sub);

        if (sim.etaStepPerIon() > 0) {
            double kT = sim.rates().kT();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("etaStepPerIon_mV", sim.etaStepPerIon() * 1e3);
            e.put("etaStepPerIon_kT", sim.etaStepPerIon() / kT);
            e.put("maxEtaStepBetweenEvents_mV", sim.maxEtaStep() * 1e3);
            boolean coarse = Math.max(sim.etaStepPerIon(), sim.maxEtaStep()) > ETA_STEP_WARNING_KT * kT;
            e.put("warning", coarse ? "η moves by more than " + ETA_STEP_WARNING_KT + " kT/e per event: the box "
                    + "area is too small for its double-layer capacitance; enlarge lattice.size x, y" : null);
            s.put("etaResolution", e);
        }
        return s;
    }

    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
