package org.anodekmc.engine;

import org.anodekmc.TestConfigs;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.run.Engines;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cycling control: steps end at their limits, η relaxes at open circuit, and every atom is accounted for. */
class CyclingControlTest {
    private static Simulation cycling(int size, int initialLayers, String hops, String control) {
        return Engines.build(TestConfigs.yaml(TestConfigs.metal(0.05, 0.6) + """
                seed: 3
                lattice: {size: [%d, %d, 16], initialMetalLayers: %d}
                substrate: {host: {name: H, bondEnergy: 0.06, terraceBarrier: 0.6}}
                hops: %s
                """.formatted(size, size, initialLayers, hops) + control));
    }

    private static Simulation.Stop runToEnd(Simulation sim) {
        return sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * A flat film rests at open circuit after η was set 30 mV away from equilibrium: the double layer discharges
     * through the exchange of ions (time constant R_ct·C_dl about 1 ms here), and η then stays at the equilibrium of
     * the surface, 0, within its thermal noise (about 8 mV for a 64² box, so about 1.5 mV for the mean over the
     * 80 ms window).
     */
    @Test
    void aRestAtOpenCircuitKeepsEtaAtTheSurfacesEquilibrium() {
        Simulation sim = cycling(64, 4, "{enabled: false}", """
                control:
                  mode: cycling
                  initialOverpotential: 0.03
                  cycles: 1
                  protocol: [{current: 0, time: 0.02}, {current: 0, time: 0.08}]
                """);
        assertEquals(Simulation.Stop.PROTOCOL_DONE, runToEnd(sim));
        List<Simulation.StepStart> starts = sim.stepStarts();
        assertEquals(3, starts.size());
        Simulation.StepStart window = starts.get(1);
        Simulation.StepStart end = starts.get(2);
        assertEquals(0.1, end.time(), 1e-12);
        double meanEta = (end.etaIntegral() - window.etaIntegral()) / (end.time() - window.time());
        assertEquals(0, meanEta, 0.005, "mean η over the last 80 ms of the rest");
        long exchanged = end.reductions() - window.reductions();
        assertTrue(exchanged > 200, "ions exchanged at equilibrium: " + exchanged);
        // at open circuit every reduction is paid back by an oxidation: net charge only what discharged η
        long net = (end.reductions() - end.oxidations());
        assertTrue(Math.abs(net) < 0.03 / sim.etaStepPerIon() + 40, "net ions " + net);
    }

    /**
     * Plating at a high current with slow surface diffusion grows a rough deposit; stripping it to the cut-off
     * leaves dead metal. Over the whole run, plated = stripped + dead + still attached, exactly, in atoms, counted
     * on the lattice.
     */
    @Test
    void everyPlatedAtomIsStrippedDeadOrStillAttached() {
        Simulation sim = cycling(16, 0, "{enabled: true}", """
                control:
                  mode: cycling
                  cycles: 3
                  protocol:
                    - {current: 40, charge: 0.0002}
                    - {current: -40, cutoffPotential: 0.4}
                    - {current: 0, time: 0.001}
                """);
        assertEquals(Simulation.Stop.PROTOCOL_DONE, runToEnd(sim));
        List<Simulation.StepStart> starts = sim.stepStarts();
        assertEquals(3 * 3 + 1, starts.size());
        assertEquals(3, starts.get(starts.size() - 1).cycle());
        long plated = 0;
        long stripped = 0;
        for (int i = 0; i + 1 < starts.size(); i++) {
            long net = starts.get(i + 1).reductions() - starts.get(i + 1).oxidations()
                    - (starts.get(i).reductions() - starts.get(i).oxidations());
            plated += Math.max(net, 0);
            stripped += Math.max(-net, 0);
        }
        long live = 0;
        long dead = 0;
        Lattice l = sim.lattice();
        for (int site = 0; site < l.sites(); site++) {
            live += sim.species(site) == Species.METAL ? 1 : 0;
            dead += sim.species(site) == Species.DEAD ? 1 : 0;
        }
        assertTrue(plated > 3 * 100, "plated atoms " + plated);
        assertEquals(plated, stripped + dead + live, "plated = stripped + dead + attached");
        assertEquals(dead, sim.deadAtoms());
        assertEquals(dead, starts.get(starts.size() - 1).deadAtoms());
        // the cut-off ended each strip with the live metal gone, apart from atoms bound above the cut-off
        assertTrue(live < 16 * 16, "live atoms left " + live);
    }

    /** A plating step that ends at its charge stops exactly at that many ions. */
    @Test
    void aChargeLimitEndsTheStepAtItsIonCount() {
        Simulation sim = cycling(16, 2, "{enabled: false}", """
                control:
                  mode: cycling
                  cycles: 2
                  protocol: [{overpotential: 0.05, time: 1.0, charge: 0.0001}, {overpotential: -0.05, time: 0.01}]
                """);
        runToEnd(sim);
        Simulation.StepStart plating = sim.stepStarts().get(0);
        Simulation.StepStart after = sim.stepStarts().get(1);
        long ions = Math.round(0.0001 * org.anodekmc.units.Units.atomsPerCm2(1, 1) * sim.areaCm2());
        assertEquals(ions, after.reductions() - after.oxidations() - plating.reductions() + plating.oxidations());
        assertTrue(after.time() < 1.0, "ended by its charge before its time: " + after.time());
    }

    /**
     * Stripping a bare host has nothing to take: the current drives η down at j/C_dl = 1 mA/cm² / 20 μF/cm² = 50 V/s,
     * and a step without a cut-off of its own ends where η reaches −2 V, 40 ms after it began (not at its charge,
     * which can never pass).
     */
    @Test
    void aStripWithNothingToStripEndsWhereEtaLeavesTheModelsRange() {
        Simulation sim = cycling(16, 0, "{enabled: false}", """
                control:
                  mode: cycling
                  cycles: 1
                  doubleLayerCapacitance: 20
                  protocol: [{current: -1.0, charge: 0.001}]
                """);
        assertEquals(Simulation.Stop.PROTOCOL_DONE, runToEnd(sim));
        assertEquals(0.040, sim.stepStarts().get(1).time(), 0.002);
    }

    /** Stripped over plated atoms of each completed cycle, from the counters at the steps' starts. */
    private static double[] coulombicEfficiencies(Simulation sim, int stepsPerCycle) {
        List<Simulation.StepStart> starts = sim.stepStarts();
        double[] ce = new double[(starts.size() - 1) / stepsPerCycle];
        for (int c = 0; c < ce.length; c++) {
            long plated = 0;
            long stripped = 0;
            for (int i = c * stepsPerCycle; i < (c + 1) * stepsPerCycle; i++) {
                long net = starts.get(i + 1).reductions() - starts.get(i + 1).oxidations()
                        - (starts.get(i).reductions() - starts.get(i).oxidations());
                plated += Math.max(net, 0);
                stripped += Math.max(-net, 0);
            }
            ce[c] = stripped / (double) plated;
        }
        return ce;
    }

    /**
     * Half a layer plated at 1 mA/cm² on a host the metal wets (ε_host = 0.08 eV > ε_MM) grows flat islands on the
     * first layer, far below the overpotential at which the metal would nucleate on top of them: every atom keeps
     * its contact with the substrate, so stripping to the cut-off takes all of it back, CE = 100% and no dead metal.
     * Three layers plated at 40 mA/cm² on a host it does not wet grow a rough deposit; stripping it cuts pieces off,
     * so its CE is lower.
     */
    @Test
    void aFlatFilmCyclesAtFullCoulombicEfficiencyAndARoughOneBelow() {
        String protocol = """
                    - {current: %s, charge: %s}
                    - {current: -%s, cutoffPotential: 0.5}
                """;
        Simulation flat = Engines.build(TestConfigs.yaml(TestConfigs.metal(0.05, 0.6) + """
                seed: 8
                lattice: {size: [24, 24, 10]}
                substrate: {host: {name: H, bondEnergy: 0.08, terraceBarrier: 0.5}}
                control:
                  mode: cycling
                  cycles: 3
                  protocol:
                """ + protocol.formatted(1.0, 0.00002, 1.0)));
        Simulation rough = Engines.build(TestConfigs.yaml(TestConfigs.metal(0.05, 0.6) + """
                seed: 8
                lattice: {size: [24, 24, 14]}
                substrate: {host: {name: H, bondEnergy: 0.02, terraceBarrier: 0.6}}
                control:
                  mode: cycling
                  cycles: 3
                  protocol:
                """ + protocol.formatted(40.0, 0.00012, 40.0)));
        assertEquals(Simulation.Stop.PROTOCOL_DONE, runToEnd(flat));
        assertEquals(Simulation.Stop.PROTOCOL_DONE, runToEnd(rough));
        double[] flatCe = coulombicEfficiencies(flat, 2);
        double[] roughCe = coulombicEfficiencies(rough, 2);
        for (double ce : flatCe) {
            assertEquals(1.0, ce, 0.0, "flat film, CE of every cycle " + java.util.Arrays.toString(flatCe));
        }
        assertEquals(0, flat.deadAtoms());
        double roughMean = java.util.Arrays.stream(roughCe).average().orElseThrow();
        // a later cycle can reconnect dead metal and strip more than it plated, but not make up for all of it
        assertTrue(roughCe[0] < 1 && roughMean < 1, "rough deposit, CE " + java.util.Arrays.toString(roughCe));
        assertTrue(rough.deadAtoms() > 0, "dead metal left by the rough deposit");
    }
}
