package org.anodekmc.run;

import org.anodekmc.config.ControlConfig;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.config.StopConfig;
import org.anodekmc.engine.Simulation;
import org.anodekmc.units.Units;

/**
 * Targets of the k-th of n evenly spread samples, for each stop limit that is set. Under galvanostatic control the
 * charge limit is the applied charge j·t, as on a battery cycler's capacity axis, so samples fall on an even time
 * grid; sampling at the moments the counted charge crosses a threshold would pick moments right after
 * reductions, when η has just been kicked down.
 */
final class Schedule {
    private final double time;
    private final long ions;
    private final long events;
    /**
     * A cycling run without stop limits ends with its last cycle, whose time is not known in advance: its rows
     * are spread over an estimate of the protocol's duration ({@link #protocolDuration}) and, if the run lasts
     * longer, go on at the same interval.
     */
    final boolean open;

    Schedule(SimulationConfig config, Simulation sim) {
        StopConfig stop = config.stop();
        open = config.control().cycling() && stop.time() == null && stop.charge() == null
                && stop.events() == null;
        double t = stop.time() == null ? open ? protocolDuration(config.control()) : Double.POSITIVE_INFINITY
                : stop.time();
        boolean galvanostatic = config.control().mode() == ControlConfig.Mode.GALVANOSTATIC;
        if (stop.charge() != null && galvanostatic) {
            t = Math.min(t, Units.secondsToPass(stop.charge(), config.control().currentDensity()));
        }
        time = t;
        ions = stop.charge() == null || galvanostatic ? Long.MAX_VALUE
                : (long) Math.ceil(Units.atomsPerCm2(stop.charge(), sim.rates().charge()) * sim.areaCm2());
        events = stop.events() == null ? Long.MAX_VALUE : stop.events();
    }

    double time(int k, int n) {
        return time * k / n;
    }

    long ions(int k, int n) {
        return ions == Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(ions * (double) k / n);
    }

    long events(int k, int n) {
        return events == Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(events * (double) k / n);
    }

    boolean reached(Simulation sim, int k, int n) {
        return sim.time() >= time(k, n) || sim.netIons() >= ions(k, n) || sim.events() >= events(k, n);
    }

    /** The highest k' ≥ k (at most n unless the schedule is open) whose targets have been reached. */
    int lastReached(Simulation sim, int k, int n) {
        while ((open || k < n) && reached(sim, k + 1, n)) {
            k++;
        }
        return k;
    }

    /**
     * Estimated duration of a cycling protocol, s: each step's time, or its charge at its current, or for a
     * step that ends only at its cut-off, the charge the cycle's plating steps put in, at its current.
     */
    static double protocolDuration(ControlConfig control) {
        double plated = 0;
        for (ControlConfig.ProtocolStep s : control.protocol()) {
            if (s.galvanostatic() && s.current() > 0) {
                plated += s.charge() != null ? s.charge()
                        : s.time() != null ? Units.chargePassed(s.current(), s.time()) : 0;
            }
        }
        double cycle = 0;
        for (ControlConfig.ProtocolStep s : control.protocol()) {
            double byCharge = !s.galvanostatic() || s.current() == 0 ? Double.POSITIVE_INFINITY
                    : Units.secondsToPass(s.charge() != null ? s.charge() : plated, Math.abs(s.current()));
            cycle += Math.min(s.time() == null ? Double.POSITIVE_INFINITY : s.time(), byCharge);
        }
        double total = cycle * control.cycles();
        return total > 0 && Double.isFinite(total) ? total : 1.0;
    }

    double fraction(Simulation sim, SimulationConfig config) {
        if (open) {
            return Math.min(1, sim.cycle() / (double) config.control().cycles());
        }
        double f = sim.time() / time;
        if (ions != Long.MAX_VALUE) {
            f = Math.max(f, sim.netIons() / (double) ions);
        }
        if (events != Long.MAX_VALUE) {
            f = Math.max(f, sim.events() / (double) events);
        }
        return Math.min(1, f);
    }
}
