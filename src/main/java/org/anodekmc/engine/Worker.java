package org.anodekmc.engine;

import org.anodekmc.config.SimulationConfig;
import org.anodekmc.model.RateModel;
import org.apache.commons.rng.RestorableUniformRandomProvider;

/**
 * One thread's part of a run on several threads ({@link Sectors}): views of the state and of the deposit's rules,
 * an index that holds its two bands' catalogues, processes and random numbers of its own. In a phase it runs the
 * events of one band, with the rest of the box frozen and the rates at the η the window began with; between phases
 * the simulation takes over what it counted, deferred and left unsettled.
 */
final class Worker {
    final LatticeState state;
    final EventIndex index;
    /** The connectivity rule's view, or null without it. */
    final DeadMetal deadMetal;
    final ElectrolyteReach reach;
    final RestorableUniformRandomProvider rng;
    /** Rate scaling's count of this thread's hops, or null without it. */
    final RateScaling.Tally hops;
    /** Counts of the phase under way. */
    long events;
    long rejected;
    long reductions;
    long oxidations;

    Worker(SimulationConfig config, RateModel rates, Sectors sectors, int thread, LatticeState wholeState,
           EventIndex wholeIndex, ElectrolyteReach wholeReach, RestorableUniformRandomProvider rng,
           RateScaling scaling) {
        this.rng = rng;
        state = wholeState.threadView();
        index = new EventIndex(state, sectors);
        deadMetal = config.keepDepositConnected() ? new DeadMetal(state, index, sectors) : null;
        reach = wholeReach.threadView(state, index, sectors);
        state.watch(reach);
        RateClasses classes = new RateClasses();
        var processes = Processes.build(new Processes.Wiring(config, state, index, rates, reach, deadMetal,
                this::transferred, rng, classes));
        index.register(Processes.inLayoutOrder(processes), classes);
        index.shareBandsOf(wholeIndex, thread);
        hops = scaling == null ? null : scaling.newTally();
        index.countIn(hops);
    }

    private void transferred(int electrons) {
        if (electrons > 0) {
            reductions++;
        } else {
            oxidations++;
        }
    }

    /** Runs the events of a band from one time to another (rejection-free, as the serial engine). */
    void runPhase(LatticeState wholeState, ElectrolyteReach wholeReach, int band, double from, double to) {
        state.beginPhase(wholeState);
        reach.beginPhase(wholeReach, band);
        if (deadMetal != null) {
            deadMetal.inBand(band);
        }
        index.activate(band);
        double time = from;
        while (true) {
            double rate = index.totalRate();
            if (!(rate > 0)) {
                return;
            }
            time += -Math.log(1.0 - rng.nextDouble()) / rate;
            if (time >= to) {
                return;
            }
            if (index.executeAt(Math.min(rng.nextDouble() * rate, Math.nextDown(rate)), rng)) {
                events++;
            } else {
                rejected++;
            }
        }
    }
}
