package org.anodekmc.engine;

import org.anodekmc.config.ConfigException;
import org.anodekmc.config.EngineConfig;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.config.SupplyConfig;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.RateModel;
import org.anodekmc.model.SiteEnergetics;
import org.anodekmc.model.Species;
import org.anodekmc.model.LatticeBonds;
import org.anodekmc.model.SubstrateEnvironments;
import org.anodekmc.state.Deposit;
import org.anodekmc.units.Units;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One lattice KMC simulation: wires the lattice state ({@link LatticeState}), the processes and their catalogue
 * ({@link EventIndex}), the deposit's rules ({@link DeadMetal}, {@link ElectrolyteReach}) and the electrochemical
 * control from a config, and runs the clock.
 *
 * <p>Rejection-free stepping: the waiting time is drawn from the total rate (the catalogue's plus the supply's
 * arrivals), an event is picked in proportion to its rate and carried out by its process, which recomputes only the
 * events whose rate can have changed. The simulation keeps the charge counters (reductions and oxidations, whichever
 * process or supply made them), the clock, η and the state a checkpoint needs.
 *
 * <p>On several threads ({@code engine.threads}) time advances in windows: the box is cut into bands of rows
 * ({@link Sectors}), and in each window every thread runs the events of one of its bands for the window's length
 * while the other bands are frozen, then of the other (the order drawn per window), with the rates at the η the window
 * began with; between the phases this class takes over the threads' counts, recomputes the events they deferred at
 * the edges of their bands and settles what their searches left unsettled, and after the window it passes the
 * window's charge to the control. For a fixed seed and thread count the result does not depend on timing.
 */
public final class Simulation implements Deposit {
    /** Why {@link #advance} returned. */
    public enum Stop { TARGET, BOX_FULL, STALLED, PROTOCOL_DONE }

    /**
     * The counters at the start of a step of a cycling protocol (and once more when the protocol is finished, with
     * {@code cycle} the number of cycles): differences between successive starts give each step's charge, η and
     * dead metal exactly.
     */
    public record StepStart(int cycle, int step, double time, long reductions, long oxidations, long deadAtoms,
                            double etaIntegral) {
    }

    private static final int NONE = LatticeState.NONE;

    private final Lattice lattice;
    private final LatticeState state;
    private final EventIndex index;
    private final RateModel rates;
    private final SiteEnergetics energetics;
    /** The connectivity rule, or null without it. */
    private final DeadMetal deadMetal;
    /** Which empty sites the electrolyte reaches (redox kinetics only, else null). */
    private final ElectrolyteReach reach;
    /** Reduction and oxidation site by site (redox kinetics only, else null). */
    private final Redox redox;
    /** The process types this simulation runs. */
    private final java.util.Set<Processes.Type> processTypes;
    /** Starts of the cycling protocol's steps so far (empty under other control). */
    private final java.util.List<StepStart> stepStarts = new java.util.ArrayList<>();
    /** Where arriving ions land when the supply fixes the flux; null in the kinetic mode. */
    private final IonSupply supply;
    /** {@link #relativeReductionRate(int)} for the supply, made once (a method reference per arrival would allocate). */
    private final java.util.function.IntToDoubleFunction relativeReductionRate = this::relativeReductionRate;
    /** Rate of arrivals over the whole box, 1/s (0 in the kinetic mode). */
    private final double arrivalRate;
    private final ElectrochemicalControl control;
    private final RestorableUniformRandomProvider rng;
    private final double areaCm2;
    private final int substrateSiteCount;
    private final int[] siteSpeciesCount;

    private double time;
    private long events;
    private long reductions;
    private long oxidations;
    private long nullSteps;
    private long rejected;
    /** ∫η dt since the start, V·s: rows report η averaged over their interval, free of per-event noise. */
    private double etaIntegral;
    /** The bands of a run on several threads, and each thread's part; null on one thread. */
    private final Sectors sectors;
    private final Worker[] workers;
    /**
     * Windows per maxEtaStep of η driven by the current (several threads): with windows as long as η's whole step, the
     * plateau of η and the peak nucleus density of the quickstart's physics in a 256² box came out 2.7 and 2.4
     * standard errors above the serial engine's, with a quarter of it within 1.7 (docs/performance.md).
     */
    private static final int WINDOWS_PER_ETA_STEP = 4;
    /** Mean number of events per band in a window (several threads). */
    private final double windowEvents;
    /** Adaptive rate scaling of quasi-equilibrated hops, or null (the exact engine). */
    private final RateScaling scaling;

    /**
     * @param supply where arriving ions land (see package transport); null for the kinetic mode, in which every
     *               empty site next to the deposit is reduced at its own Butler–Volmer rate
     */
    public Simulation(SimulationConfig config, IonSupply supply) {
        if ((supply == null) != (config.supply().mode() == SupplyConfig.Mode.KINETIC)) {
            throw new IllegalArgumentException("supply mode " + config.supply().mode().spelling() + (supply == null
                    ? " needs an IonSupply (build the engine with run.Engines)" : " takes no IonSupply"));
        }
        var lc = config.lattice();
        lattice = lc.lattice(lc.sizeX(), lc.sizeY(), lc.sizeZ());
        int columns = lattice.columns();
        rng = RandomSource.XO_SHI_RO_256_PP.create(config.seed());
        byte[] top = SubstrateBuilder.topLayer(lc.sizeX(), lc.sizeY(), config.substrate().sites(),
                RateModel.siteArea(lattice, config.metal()) * 1e14, rng);
        LatticeBonds bonds = new LatticeBonds(config, lattice);
        SubstrateEnvironments environments = SubstrateEnvironments.of(top, lattice, lc.substrateLayers(),
                config.substrate(), bonds);
        rates = new RateModel(config, lattice, bonds, environments.bindings(), environments.contactLayers());
        energetics = rates.energetics();
        byte[] codes = new byte[environments.contactSites()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = environments.code(i);
        }
        state = new LatticeState(lattice, lc.substrateLayers(), top, codes, config.keepDepositConnected());

        this.supply = supply;
        boolean redoxKinetics = supply == null;
        areaCm2 = columns * rates.siteArea();
        arrivalRate = redoxKinetics ? 0 : columns * Units.fluxPerSite(config.control().currentDensity(),
                rates.siteArea(), rates.charge());
        control = new ElectrochemicalControl(config.control(), areaCm2, rates.charge(), redoxKinetics);
        substrateSiteCount = columns;
        siteSpeciesCount = new int[config.substrate().sites().size()];
        for (byte species : top) {
            if (species >= Species.FIRST_SITE) {
                siteSpeciesCount[species - Species.FIRST_SITE]++;
            }
        }

        EngineConfig engine = EngineConfig.of(config);
        sectors = engine.threads() == 1 ? null : bands(lattice, engine.threads());
        windowEvents = engine.windowEventsOrDefault();
        index = new EventIndex(state, sectors);
        deadMetal = config.keepDepositConnected() ? new DeadMetal(state, index) : null;
        reach = redoxKinetics ? new ElectrolyteReach(state, index) : null;
        RateClasses classes = new RateClasses();
        java.util.Map<Processes.Type, Process> processes = Processes.build(new Processes.Wiring(config, state, index,
                rates, reach, deadMetal, this::transferred, rng, classes));
        processTypes = processes.keySet();
        redox = (Redox) processes.get(Processes.Type.REDOX);
        index.register(Processes.inLayoutOrder(processes), classes);
        scaling = engine.acceleration() == null ? null : new RateScaling(engine.acceleration(), rates, index,
                ((DirectionalHops) processes.get(Processes.Type.DIRECTIONAL_HOPS)).firstClass(), classes.size());
        index.countIn(scaling == null ? null : scaling.tally());

        for (int c = 0; c < columns; c++) {
            for (int z = state.surfaceZ; z < state.surfaceZ + lc.initialMetalLayers(); z++) {
                state.setSpecies(lattice.site(c, z), Species.METAL);
            }
        }
        if (reach != null) {
            reach.rebuild();
            state.watch(reach);
        }
        // events lie at most the first shell's reach above a column's top (two layers on hcp1120)
        for (int c = 0; c < columns; c++) {
            for (int z = state.surfaceZ; z <= Math.min(state.topZ, columnTop(c) + lattice.reach()); z++) {
                index.refreshSite(lattice.site(c, z));
            }
        }
        workers = sectors == null ? null : new Worker[engine.threads()];
        for (int t = 0; workers != null && t < workers.length; t++) {
            var own = (RestorableUniformRandomProvider) ((JumpableUniformRandomProvider) rng).jump();
            workers[t] = new Worker(config, rates, sectors, t, state, index, reach, own, scaling);
        }
        logStepStart();
        updateFactors();
    }

    private static Sectors bands(Lattice lattice, int threads) {
        try {
            return Sectors.of(lattice, threads);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("engine.threads", e.getMessage());
        }
    }

    /** Refuses, naming engine.threads, a thread count the config's box cannot be cut into bands for. */
    public static void requireBands(SimulationConfig config) {
        int threads = EngineConfig.of(config).threads();
        if (threads > 1) {
            var lc = config.lattice();
            bands(lc.lattice(lc.sizeX(), lc.sizeY(), lc.sizeZ()), threads);
        }
    }

    // ---------------------------------------------------------------- stepping

    /**
     * Runs events until the time reaches {@code timeLimit}, the net number of reduced ions reaches
     * {@code netIonLimit}, the event count reaches {@code eventLimit}, the deposit fills the box, or nothing can
     * happen any more. When the time limit falls inside a wait, the clock stops exactly at it (the exponential wait is
     * memoryless, so the next step simply draws a new one).
     */
    public Stop advance(double timeLimit, long netIonLimit, long eventLimit) {
        if (workers != null) {
            try (PhaseThreads threads = new PhaseThreads(workers, state, reach)) {
                return advanceInWindows(threads, timeLimit, netIonLimit, eventLimit);
            }
        }
        while (true) {
            if (state.boxFull) {
                return Stop.BOX_FULL;
            }
            if (control.finished()) {
                return Stop.PROTOCOL_DONE;
            }
            if (time >= timeLimit || reductions - oxidations >= netIonLimit || events >= eventLimit) {
                return Stop.TARGET;
            }
            double catalogRate = index.totalRate();
            double total = catalogRate + arrivalRate;
            double frozenUntil = Math.min(control.nextChange(time), timeLimit);
            double dt = total > 0 ? -Math.log(1.0 - rng.nextDouble()) / total : Double.POSITIVE_INFINITY;
            if (time + dt >= frozenUntil) {
                if (frozenUntil == Double.POSITIVE_INFINITY) {
                    return Stop.STALLED;
                }
                etaIntegral += control.advance(frozenUntil - time, frozenUntil);
                time = frozenUntil;
                nullSteps++;
                logStepStart();
                updateFactors();
                continue;
            }
            double target = rng.nextDouble() * total;
            time += dt;
            etaIntegral += control.advance(dt, time);
            logStepStart();
            if (target < arrivalRate) {
                arrive();
                events++;
            } else if (index.executeAt(Math.min(target - arrivalRate, Math.nextDown(catalogRate)), rng)) {
                events++;
            } else {
                rejected++;
            }
            updateFactors();
            if (scaling != null) {
                scaling.afterEvents(1, time, arrivalRate);
            }
        }
    }

    /**
     * {@link #advance} on several threads: whole windows, so a limit on ions or events may be passed by what the
     * window's last events did.
     */
    private Stop advanceInWindows(PhaseThreads threads, double timeLimit, long netIonLimit, long eventLimit) {
        while (true) {
            if (state.boxFull) {
                return Stop.BOX_FULL;
            }
            if (time >= timeLimit || reductions - oxidations >= netIonLimit || events >= eventLimit) {
                return Stop.TARGET;
            }
            double rate = index.totalRateOfAll();
            double end = Math.min(Math.min(control.nextChange(time), timeLimit), time + Math.min(
                    control.etaStepTime() / WINDOWS_PER_ETA_STEP,
                    rate > 0 ? windowEvents * sectors.bands() / rate : Double.POSITIVE_INFINITY));
            if (end == Double.POSITIVE_INFINITY) {
                return Stop.STALLED;
            }
            int first = rng.nextInt(2);
            long pickedBefore = events + rejected;
            long reducedBefore = reductions;
            long oxidizedBefore = oxidations;
            for (int phase = 0; phase < 2; phase++) {
                threads.run(first ^ phase, time, end);
                settlePhase();
            }
            etaIntegral += control.advance(end - time, end);
            time = end;
            for (long i = reducedBefore; i < reductions; i++) {
                control.transfer(+1, time);
            }
            for (long i = oxidizedBefore; i < oxidations; i++) {
                control.transfer(-1, time);
            }
            updateFactors();
            if (scaling != null) {
                scaling.afterEvents(events + rejected - pickedBefore, time, 0);
            }
        }
    }

    /**
     * After a phase: the threads' counts, then the events of the sites they deferred, then the sealed voids and dead
     * metal their searches left unsettled, thread by thread in order.
     */
    private void settlePhase() {
        for (Worker w : workers) {
            state.absorb(w.state);
            reach.absorb(w.reach);
            events += w.events;
            rejected += w.rejected;
            reductions += w.reductions;
            oxidations += w.oxidations;
            w.events = w.rejected = w.reductions = w.oxidations = 0;
            if (scaling != null) {
                scaling.absorb(w.hops);
            }
        }
        for (Worker w : workers) {
            index.absorb(w.index);
        }
        for (Worker w : workers) {
            for (int i = 0; i < w.reach.unsettled.size(); i++) {
                reach.settle(w.reach.unsettled.getInt(i));
            }
            w.reach.unsettled.clear();
        }
        for (Worker w : workers) {
            if (w.deadMetal != null) {
                for (int i = 0; i < w.deadMetal.unsettled.size(); i++) {
                    deadMetal.settle(w.deadMetal.unsettled.getInt(i));
                }
                w.deadMetal.unsettled.clear();
            }
        }
    }

    /**
     * Logs the start of a cycling protocol step if the last call to the control began one (each call ends at most one
     * step, so none is missed).
     */
    private void logStepStart() {
        if (control.stepsBegun() != stepStarts.size()) {
            stepStarts.add(new StepStart(control.cycle(), control.protocolStep(), time, reductions, oxidations,
                    state.deadAtoms, etaIntegral));
        }
    }


    private void updateFactors() {
        index.atOverpotential(control.eta());
    }

    /** The electrode's side of a reduction (+1) or oxidation (−1): the charge counters and the control. */
    private void transferred(int electrons) {
        if (electrons > 0) {
            reductions++;
        } else {
            oxidations++;
        }
        control.transfer(electrons, time);
        logStepStart();
    }

    /** The process types this simulation runs (for tests). */
    java.util.Set<Processes.Type> processTypes() {
        return java.util.Collections.unmodifiableSet(processTypes);
    }

    /** Sets the species of a site above the substrate and updates its events, as an event would (tests build states with it). */
    void place(int site, byte species) {
        state.setSpecies(site, species);
        index.refreshAround(site, NONE);
    }

    /** An ion is reduced at the empty site (package access: tests script events with it). */
    void reduce(int site) {
        redox.reduce(site);
    }

    /** The live atom at the site is oxidized (package access, as above). */
    void oxidize(int site) {
        redox.oxidize(site);
    }

    /** An ion from a flux-fixing supply is reduced where the supply lands it. */
    private void arrive() {
        int site = supply.land(this, relativeReductionRate, rng);
        if (site < 0) {
            state.boxFull = true;
            return;
        }
        reductions++;
        state.setSpecies(site, Species.METAL);
        index.refreshAround(site, NONE);
        if (deadMetal != null) {
            deadMetal.landed(site);
        }
    }

    // ---------------------------------------------------------------- read access for observers

    @Override
    public Lattice lattice() {
        return lattice;
    }

    public RateModel rates() {
        return rates;
    }

    @Override
    public byte species(int site) {
        return state.species(site);
    }

    @Override
    public int surfaceZ() {
        return state.surfaceZ;
    }

    @Override
    public int highestTop() {
        return state.highestTop;
    }

    /** From the site's own cell (the metal-neighbour bits and the substrate environment code). */
    @Override
    public int occupiedNeighbours(int site) {
        return energetics.occupied(state.signature(site));
    }

    /**
     * Reduction rate of an empty site relative to a kink site at the same η, exp(α(B − B_kink)/kT): how much more
     * (or less) readily an ion is reduced there.
     */
    public double relativeReductionRate(int site) {
        return rates.reductionBase(state.signature(site)) / rates.k0();
    }

    public double time() {
        return time;
    }

    /** Overpotential η in V (NaN when the supply fixes the flux). */
    public double eta() {
        return control.eta();
    }

    public long events() {
        return events;
    }

    public long reductions() {
        return reductions;
    }

    public long oxidations() {
        return oxidations;
    }

    /** Names of the processes' event counters (e.g. "hops"), in the order tables list them. */
    public static java.util.List<String> counters() {
        return Processes.COUNTERS;
    }

    /** Carried-out events of one of the {@link #counters()}. */
    public long count(String counter) {
        int i = Processes.COUNTERS.indexOf(counter);
        if (i < 0) {
            throw new IllegalArgumentException("no counter " + counter + "; there are " + Processes.COUNTERS);
        }
        return index.count(i);
    }

    /**
     * Rate scaling (engine.acceleration): how many times as many events the exact engine would have needed for the
     * same simulated time (estimated from each slowed channel's hops and factor); 1 without it.
     */
    public double eventGain() {
        return scaling == null ? 1 : scaling.eventGain();
    }

    /** Rate scaling: adjustments made so far (0 without it). */
    public long scalingPeriods() {
        return scaling == null ? 0 : scaling.periods();
    }

    /**
     * A hop channel that rate scaling slowed: what its hops are, its factor now, the smallest it had, the one it ran
     * with on average over the finished periods (its hops there over those the exact engine would have fired in
     * the same time), and those hops.
     */
    public record ScaledChannel(String hops, double factor, double smallestFactor, double averageFactor,
                                long fired) {
    }

    /** Rate scaling: each hop channel that was ever slowed (empty without it). */
    public java.util.List<ScaledChannel> scaledChannels() {
        return scaling == null ? java.util.List.of() : scaling.scaledChannels();
    }

    /** Waits cut short because η or the time limit moved on before the next event. */
    public long nullSteps() {
        return nullSteps;
    }

    /**
     * Picked events that were refused, self-transitions of the Markov chain: hop attempts whose drawn direction is
     * blocked, unsupported or not kept at its rate's share of the attempt's bound, and hops and oxidations that would
     * cut metal off the substrate.
     */
    public long rejected() {
        return rejected;
    }

    /** Atoms of the deposit, live and dead. */
    public long metalAtoms() {
        return state.metalAtoms;
    }

    /** Starts of the cycling protocol's steps so far, in order (unmodifiable view). */
    public java.util.List<StepStart> stepStarts() {
        return java.util.Collections.unmodifiableList(stepStarts);
    }

    /** The cycle under way, from 0 (cycling control; the number of cycles once the protocol is finished). */
    public int cycle() {
        return control.cycle();
    }

    /** Atoms of the deposit cut off from the substrate (dead metal), 0 without the connectivity rule. */
    public long deadAtoms() {
        return state.deadAtoms;
    }

    /** Net ions reduced since the start. */
    public long netIons() {
        return reductions - oxidations;
    }

    /** Electrode area of the box, cm². */
    public double areaCm2() {
        return areaCm2;
    }

    /** Charge passed, mAh/cm²: Q = n·e·(reductions − oxidations)/A. */
    public double chargeMAhPerCm2() {
        return Units.mAhPerCm2(netIons() / areaCm2, rates.charge());
    }

    public boolean boxFull() {
        return state.boxFull;
    }

    /** ∫η dt since the start, V·s (NaN when η is not modelled). */
    public double etaIntegral() {
        return etaIntegral;
    }

    /** Change of η caused by one reduction or oxidation, V (0 unless galvanostatic). */
    public double etaStepPerIon() {
        return control.stepPerIon();
    }

    public double maxEtaStep() {
        return control.maxEtaStep();
    }

    public int substrateSites() {
        return substrateSiteCount;
    }

    /** Number of substrate sites of single-atom species k. */
    public int siteSpeciesCount(int k) {
        return siteSpeciesCount[k];
    }

    /** Sites that currently own events. */
    public int activeSites() {
        return index.activeSites();
    }

    /**
     * Recomputes every event of every site from scratch and compares it with the catalogue, which is maintained
     * incrementally: returns a description of the first difference, or null if there is none. For tests: O(sites).
     */
    String catalogueMismatch() {
        String voids = reach == null ? null : reach.mismatch();
        String found = voids != null ? voids : index.mismatch();
        return found == null ? null : found + " after " + events + " events";
    }

    /** Empty sites inside the deposit that the electrolyte cannot reach (0 without redox kinetics). */
    public int sealedSites() {
        return reach == null ? 0 : reach.sealedSites();
    }

    /** Bytes held by the lattice state (species and metal neighbours, two bytes per site). */
    public long latticeStateBytes() {
        return 2L * state.cells.length;
    }

    /**
     * Bytes held by everything else: the event catalogue, the per-layer counts, with the connectivity rule a
     * per-column array and with redox kinetics the column tops and one bit per site for sealed voids.
     */
    public long catalogueBytes() {
        return index.memoryBytes() + state.bytes() - latticeStateBytes()
                + (reach == null ? 0 : reach.bytes());
    }

    // ---------------------------------------------------------------- checkpoints

    /** Layout of {@link #writeState}; bump it whenever the state written changes. */
    private static final int STATE_FORMAT = 9;

    /**
     * Writes the complete mutable state: lattice, column bookkeeping, clock, counters, η, the event catalogue as it
     * is (not rebuilt: the order of the events in each class decides what a random number picks; on several threads
     * every band's) and the generator (on several threads, then each thread's).
     * {@link #readState} on a simulation built from the same config then continues exactly as this one would. (The
     * ion supplies keep no state of their own; one that does must be saved here too.)
     */
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(STATE_FORMAT);
        StateData.writeShorts(out, state.cells, state.cells.length);
        StateData.writeInts(out, state.metalInLayer, state.metalInLayer.length);
        out.writeInt(state.highestTop);
        StateData.writeInts(out, state.columnSolid, state.columnSolid.length);
        out.writeDouble(time);
        for (long counter : new long[]{events, reductions, oxidations, nullSteps, rejected, state.metalAtoms,
                state.deadAtoms}) {
            out.writeLong(counter);
        }
        out.writeBoolean(state.boxFull);
        out.writeDouble(etaIntegral);
        control.writeState(out);
        out.writeInt(stepStarts.size());
        for (StepStart st : stepStarts) {
            out.writeInt(st.cycle());
            out.writeInt(st.step());
            out.writeDouble(st.time());
            out.writeLong(st.reductions());
            out.writeLong(st.oxidations());
            out.writeLong(st.deadAtoms());
            out.writeDouble(st.etaIntegral());
        }
        index.writeState(out);
        if (scaling != null) {
            scaling.writeState(out);
        }
        writeGenerator(out, rng);
        for (int t = 0; workers != null && t < workers.length; t++) {
            writeGenerator(out, workers[t].rng);
        }
    }

    private static void writeGenerator(DataOutput out, RestorableUniformRandomProvider generator) throws IOException {
        byte[] bytes = ((RandomProviderDefaultState) generator.saveState()).getState();
        StateData.writeBytes(out, bytes, bytes.length);
    }

    private static void readGenerator(DataInput in, RestorableUniformRandomProvider generator) throws IOException {
        byte[] bytes = StateData.readBytes(in, 1 << 16, "generator state");
        try {
            generator.restoreState(new RandomProviderDefaultState(bytes));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IOException("generator state does not fit: " + e.getMessage());
        }
    }

    /**
     * Replaces the state of this freshly built simulation by one written by {@link #writeState} from a simulation of
     * the same config. Throws IOException, leaving this simulation unusable, if the state does not fit.
     */
    public void readState(DataInput in) throws IOException {
        StateData.expect(in.readInt(), STATE_FORMAT, "engine state format");
        StateData.readShortsInto(in, state.cells, "sites");
        StateData.readIntsInto(in, state.metalInLayer, "layers");
        state.highestTop = StateData.checkRange(in.readInt(), state.topZ, "highest layer");
        StateData.readIntsInto(in, state.columnSolid, "columns");
        time = in.readDouble();
        events = in.readLong();
        reductions = in.readLong();
        oxidations = in.readLong();
        nullSteps = in.readLong();
        rejected = in.readLong();
        state.metalAtoms = in.readLong();
        state.deadAtoms = in.readLong();
        state.boxFull = in.readBoolean();
        etaIntegral = in.readDouble();
        control.readState(in);
        int starts = StateData.checkRange(in.readInt(), control.stepsBegun(), "protocol step starts");
        stepStarts.clear();
        for (int i = 0; i < starts; i++) {
            stepStarts.add(new StepStart(in.readInt(), in.readInt(), in.readDouble(), in.readLong(), in.readLong(),
                    in.readLong(), in.readDouble()));
        }
        index.readState(in, state.cells.length);
        if (scaling != null) {
            scaling.readState(in);
        }
        if (reach != null) {
            reach.rebuild();
        }
        readGenerator(in, rng);
        for (int t = 0; workers != null && t < workers.length; t++) {
            readGenerator(in, workers[t].rng);
        }
    }
}
