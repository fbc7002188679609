package org.anodekmc.io;

import org.anodekmc.config.ControlConfig;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.engine.Simulation;
import org.anodekmc.observe.NucleationAnalysis;
import org.anodekmc.units.Units;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-cycle results of a cycling run, from the engine's counters at the start of every protocol step (exact, in
 * atoms) and the time-series rows (for the nucleation overpotential of each cycle's plating).
 *
 * <p>A step whose net charge is positive plated, one whose net charge is negative stripped (rests exchange a few
 * atoms either way and count the same), so that plated − stripped = the change of the deposit, live and dead.
 *
 * @param mAhPerAtom charge of one atom over the box area, mAh/cm²
 * @param deadAtoms  dead metal at the end of the run
 */
public record Cycles(List<Cycle> cycles, double mAhPerAtom, long deadAtoms) {
    static final String[] COLUMNS = {"cycle", "start_time_s", "end_time_s", "plated_mAh_cm2", "stripped_mAh_cm2",
            "coulombic_efficiency", "dead_mAh_cm2", "plating_eta_V", "stripping_eta_V", "hysteresis_V",
            "nucleation_overpotential_V", "plated_atoms", "stripped_atoms", "dead_atoms_change"};

    /**
     * @param platedAtoms     ions reduced net in the cycle's plating steps
     * @param strippedAtoms   atoms oxidized net in its stripping steps
     * @param deadAtomsChange change of the dead metal over the cycle (negative if plating reconnected some)
     * @param platingEta      mean η over the galvanostatic plating steps (∫η dt / t), V
     * @param strippingEta    mean η over the galvanostatic stripping steps, V
     * @param nucleationEta   η_nuc of the cycle's first plating step (docs/model.md), V; NaN with too few rows
     */
    record Cycle(int number, double start, double end, long platedAtoms, long strippedAtoms, long deadAtomsChange,
                 double platingEta, double strippingEta, double nucleationEta) {
        double coulombicEfficiency() {
            return platedAtoms == 0 ? Double.NaN : strippedAtoms / (double) platedAtoms;
        }
    }

    /** The completed cycles of the run. */
    public static Cycles of(SimulationConfig config, Simulation sim, RecordedRows rows) {
        List<ControlConfig.ProtocolStep> protocol = config.control().protocol();
        List<Simulation.StepStart> starts = sim.stepStarts();
        List<Cycle> cycles = new ArrayList<>();
        int first = 0;
        while (first < starts.size()) {
            int cycle = starts.get(first).cycle();
            int next = first;
            while (next < starts.size() && starts.get(next).cycle() == cycle) {
                next++;
            }
            if (next == starts.size()) {
                break; // the cycle under way when the run stopped
            }
            cycles.add(cycle(protocol, starts.subList(first, next + 1), rows));
            first = next;
        }
        double mAhPerAtom = Units.mAhPerCm2(1 / sim.areaCm2(), sim.rates().charge());
        return new Cycles(cycles, mAhPerAtom, sim.deadAtoms());
    }

    /** One cycle from the starts of its steps and the start that follows its last. */
    private static Cycle cycle(List<ControlConfig.ProtocolStep> protocol, List<Simulation.StepStart> starts,
                               RecordedRows rows) {
        long plated = 0;
        long stripped = 0;
        double[] etaTime = new double[2];
        double[] time = new double[2];
        double nucleation = Double.NaN;
        boolean firstPlating = true;
        for (int i = 0; i + 1 < starts.size(); i++) {
            Simulation.StepStart a = starts.get(i);
            Simulation.StepStart b = starts.get(i + 1);
            long net = (b.reductions() - a.reductions()) - (b.oxidations() - a.oxidations());
            plated += Math.max(net, 0);
            stripped += Math.max(-net, 0);
            ControlConfig.ProtocolStep step = protocol.get(a.step());
            if (step.galvanostatic() && step.current() != 0) {
                int k = step.current() > 0 ? 0 : 1;
                etaTime[k] += b.etaIntegral() - a.etaIntegral();
                time[k] += b.time() - a.time();
                if (k == 0 && firstPlating) {
                    nucleation = nucleationEta(rows, a.time(), b.time());
                    firstPlating = false;
                }
            }
        }
        Simulation.StepStart start = starts.get(0);
        Simulation.StepStart end = starts.get(starts.size() - 1);
        return new Cycle(start.cycle() + 1, start.time(), end.time(), plated, stripped,
                end.deadAtoms() - start.deadAtoms(), etaTime[0] / time[0], etaTime[1] / time[1], nucleation);
    }

    /** η_nuc from the rows recorded within (start, end]; NaN if too few. */
    private static double nucleationEta(RecordedRows rows, double start, double end) {
        int from = 0;
        while (from < rows.count && rows.time[from] <= start) {
            from++;
        }
        int to = from;
        while (to < rows.count && rows.time[to] <= end) {
            to++;
        }
        if (to - from < 6) {
            return Double.NaN;
        }
        return NucleationAnalysis.of(Arrays.copyOfRange(rows.time, from, to), Arrays.copyOfRange(rows.eta, from, to),
                Arrays.copyOfRange(rows.charge, from, to), Arrays.copyOfRange(rows.coverage, from, to))
                .nucleationOverpotential();
    }

    public void write(Path file) {
        try (CsvWriter out = new CsvWriter(file, COLUMNS)) {
            for (Cycle c : cycles) {
                double hysteresis = c.platingEta() - c.strippingEta();
                out.row(c.number(), c.start(), c.end(), c.platedAtoms() * mAhPerAtom, c.strippedAtoms() * mAhPerAtom,
                        c.coulombicEfficiency(), c.deadAtomsChange() * mAhPerAtom, c.platingEta(), c.strippingEta(),
                        hysteresis, c.nucleationEta(), c.platedAtoms(), c.strippedAtoms(), c.deadAtomsChange());
            }
        }
    }

    /**
     * summary.json's part: cycles completed, first-cycle and average CE, dead metal at the end (atoms and as a
     * fraction of all the charge plated) and the mean hysteresis.
     */
    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("cyclesCompleted", cycles.size());
        long plated = 0;
        double ceSum = 0;
        double hysteresisSum = 0;
        for (Cycle c : cycles) {
            plated += c.platedAtoms();
            ceSum += c.coulombicEfficiency();
            hysteresisSum += c.platingEta() - c.strippingEta();
        }
        int n = cycles.size();
        s.put("firstCycleCoulombicEfficiency", n == 0 ? null : finite(cycles.get(0).coulombicEfficiency()));
        s.put("firstCycleNucleationOverpotential_V", n == 0 ? null : finite(cycles.get(0).nucleationEta()));
        s.put("averageCoulombicEfficiency", n == 0 ? null : finite(ceSum / n));
        s.put("deadAtoms", deadAtoms);
        s.put("dead_mAh_cm2", deadAtoms * mAhPerAtom);
        s.put("deadMetalFraction", plated == 0 ? null : deadAtoms / (double) plated);
        s.put("meanHysteresis_V", n == 0 ? null : finite(hysteresisSum / n));
        s.put("method", "CE = stripped / plated charge of each cycle, counted in atoms; the average is over the "
                + "completed cycles; the dead-metal fraction is the dead metal at the end over all the charge plated "
                + "in them; hysteresis = mean η of the plating steps minus that of the stripping steps");
        return s;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
