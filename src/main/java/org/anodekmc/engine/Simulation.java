package org.anodekmc.engine;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.anodekmc.config.HopConfig;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.config.SupplyConfig;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.lattice.SimpleCubicLattice;
import org.anodekmc.model.RateModel;
import org.anodekmc.model.SiteEnergetics;
import org.anodekmc.model.Species;
import org.anodekmc.model.SubstrateEnvironments;
import org.anodekmc.units.Units;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One lattice KMC simulation: the lattice state, the event catalogue, the clock and the electrochemical control.
 *
 * <p>Rejection-free stepping: the waiting time is drawn from the total rate, an event is picked in proportion to its
 * rate, carried out, and only the events whose rate can have changed are recomputed: those of the changed sites,
 * of their first-shell neighbours (whose binding changed) and the hops that lead into those neighbours (whose target
 * binding or support changed).
 */
public final class Simulation {
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

    private static final int NONE = -1;
    private static final int SPECIES_BITS = 0x0F;
    /** Position of the metal-neighbour bits in a cell. */
    private static final int NEIGHBOUR_SHIFT = 4;
    /** Position of the substrate environment code in a cell (six bits, first layer above the substrate only). */
    private static final int ENVIRONMENT_SHIFT = 10;

    private final Lattice lattice;
    private final int sizeZ;
    /** First layer above the substrate. */
    private final int surfaceZ;
    /** Highest layer; a metal atom there fills the box. */
    private final int topZ;
    private final int coordination;
    private final int columns;
    /** Site numbers of the first layer above the substrate: [surfaceLayerStart, surfaceLayerEnd). */
    private final int surfaceLayerStart;
    private final int surfaceLayerEnd;
    /** First site of the highest layer. */
    private final int topLayerStart;
    private final int hopDirections;
    /** Hop events per site: one per direction, or one hop attempt per atom (see {@link #hopAttempts}). */
    private final int hopEvents;
    /**
     * Index of a site's first hop event: 1 with redox kinetics (event 0 is the site's reduction or oxidation), 0
     * without (arrivals come from the supply).
     */
    private final int firstHopEvent;
    private final int signatureStride;
    private final RateModel rates;
    private final SiteEnergetics energetics;

    /**
     * Two bytes per site: the species in the low four bits; then one bit per first-shell direction, set when the
     * neighbour that way is metal (their number is the neighbour count, and an event visits only the neighbours that
     * matter instead of testing all of them); then, on the first layer above the substrate, the substrate environment
     * code (what the substrate binds there). Everything a site's rates depend on is in its own cell: in a large box
     * each further array read per site is a further cache miss.
     */
    private final short[] cells;
    /** All first-shell directions, as bits. */
    private final int firstShellBits;
    /** The first-shell directions that go up, and the one that goes down (into the substrate from the first layer). */
    private final int upBits;
    private final int downBits;
    /**
     * Metal atoms in each layer, which give the highest point of the deposit without a scan. A column's top is found
     * from there downwards when asked for (by the flux-fixing supplies, once per arrival): keeping it per column
     * would cost a cache miss per event in a large box.
     */
    private final int[] metalInLayer;
    private int highestTop;
    /**
     * Lowest z of each column that is not metal: the column is solid metal from the substrate up to below it. Kept
     * only when the connectivity check is on.
     */
    private final int[] columnSolid;
    private final ConnectivityCheck connectivity;
    /** Which empty sites the electrolyte reaches (redox kinetics only, else null). */
    private final ElectrolyteReach reach;
    /** Starts of the cycling protocol's steps so far (empty under other control). */
    private final java.util.List<StepStart> stepStarts = new java.util.ArrayList<>();
    /** Sites of the cluster being relabelled live or dead (work space, kept between uses). */
    private final IntArrayList cluster = new IntArrayList();

    private final EventCatalog catalog;
    private final int reductionClassBase;
    private final int oxidationClassBase;
    private final int[] scratchClasses;

    private final boolean hopsEnabled;
    /**
     * When the hop rate depends only on the mover (bond-counting law), each atom owns one hop attempt whose rate
     * bounds the sum over its directions, as if every empty neighbour were a supported target ({@link HopAttempts});
     * the direction is drawn when the attempt is picked, and an attempt into an occupied or unsupported site is
     * refused (a self-transition, so the dynamics stay exact). An atom's events then change only when its own
     * neighbour count does, instead of whenever any site around its targets changes. With the metropolis law every
     * direction is an event of its own.
     */
    private final boolean hopAttempts;
    /** Rates of the hop attempts (null unless {@link #hopAttempts}). */
    private final HopAttempts attempts;
    private final boolean redoxKinetics;
    /** Where arriving ions land when the supply fixes the flux; null in the kinetic mode. */
    private final IonSupply supply;
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
    private long hops;
    private long nullSteps;
    private long rejected;
    /** Atoms of the deposit, live and dead. */
    private long metalAtoms;
    /** Atoms cut off from the substrate ({@link Species#DEAD}); only with the connectivity rule. */
    private long deadAtoms;
    private boolean boxFull;
    /** ∫η dt since the start, V·s: rows report η averaged over their interval, free of per-event noise. */
    private double etaIntegral;

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
        lattice = new SimpleCubicLattice(lc.sizeX(), lc.sizeY(), lc.sizeZ());
        sizeZ = lc.sizeZ();
        surfaceZ = lc.substrateLayers();
        topZ = sizeZ - 1;
        coordination = lattice.coordination();
        HopConfig hopConfig = config.hops();
        hopsEnabled = hopConfig.enabled();
        hopDirections = hopsEnabled ? lattice.hopDirections(hopConfig.secondShell()) : 0;
        rng = RandomSource.XO_SHI_RO_256_PP.create(config.seed());
        columns = lattice.columns();
        surfaceLayerStart = lattice.site(0, surfaceZ);
        surfaceLayerEnd = surfaceLayerStart + columns;
        topLayerStart = lattice.site(0, topZ);
        byte[] top = SubstrateBuilder.topLayer(lc.sizeX(), lc.sizeY(), config.substrate().sites(),
                RateModel.siteArea(config.metal()) * 1e14, rng);
        int[] lateral = new int[4 * columns];
        for (int c = 0; c < columns; c++) {
            int i = 0;
            for (int d = 0; d < coordination; d++) {
                if (lattice.dz(d) == 0) {
                    lateral[4 * c + i++] = lattice.neighbourColumn(c, 0, d);
                }
            }
        }
        SubstrateEnvironments environments = SubstrateEnvironments.of(top, lateral, config.substrate());
        rates = new RateModel(config, coordination, environments.bindings());
        energetics = rates.energetics();
        hopAttempts = hopsEnabled && !rates.hopRateDependsOnTarget();
        hopEvents = hopAttempts ? 1 : hopDirections;
        signatureStride = coordination + 1;

        this.supply = supply;
        redoxKinetics = supply == null;
        firstHopEvent = redoxKinetics ? 1 : 0;
        areaCm2 = columns * rates.siteArea();
        arrivalRate = redoxKinetics ? 0 : columns * Units.fluxPerSite(config.control().currentDensity(),
                rates.siteArea(), rates.charge());
        control = new ElectrochemicalControl(config.control(), areaCm2, rates.charge(), redoxKinetics);

        cells = new short[lattice.sites()];
        firstShellBits = (1 << coordination) - 1;
        int up = 0;
        int down = 0;
        for (int d = 0; d < coordination; d++) {
            up |= lattice.dz(d) > 0 ? 1 << d : 0;
            down |= lattice.dz(d) < 0 ? 1 << d : 0;
        }
        upBits = up;
        downBits = down;
        metalInLayer = new int[sizeZ];
        columnSolid = new int[config.keepDepositConnected() ? columns : 0];
        java.util.Arrays.fill(columnSolid, surfaceZ);
        substrateSiteCount = columns;
        siteSpeciesCount = new int[config.substrate().sites().size()];
        for (int c = 0; c < columns; c++) {
            for (int z = 0; z < surfaceZ - 1; z++) {
                cells[lattice.site(c, z)] = Species.HOST;
            }
            cells[lattice.site(c, surfaceZ - 1)] = top[c];
            cells[lattice.site(c, surfaceZ)] = (short) (environments.code(c) << ENVIRONMENT_SHIFT);
            if (top[c] >= Species.FIRST_SITE) {
                siteSpeciesCount[top[c] - Species.FIRST_SITE]++;
            }
        }
        highestTop = surfaceZ - 1;

        // classes: hops first, then one reduction and one oxidation class per site signature
        int signatures = energetics.signatureCount();
        attempts = hopAttempts ? new HopAttempts(rates, lattice, hopDirections, signatureStride) : null;
        int hopClasses = hopAttempts ? signatures : rates.hopClassCount();
        reductionClassBase = hopClasses;
        oxidationClassBase = hopClasses + signatures;
        double[] classRate = new double[hopClasses + 2 * signatures];
        byte[] classGroup = new byte[classRate.length];
        for (int h = 0; h < hopClasses; h++) {
            classRate[h] = hopAttempts ? attempts.rate(h) : rates.hopRate(h);
        }
        for (int s = 0; s < signatures; s++) {
            classRate[reductionClassBase + s] = rates.reductionBase(s);
            classGroup[reductionClassBase + s] = 1;
            classRate[oxidationClassBase + s] = rates.oxidationBase(s);
            classGroup[oxidationClassBase + s] = 2;
        }
        catalog = new EventCatalog(firstHopEvent + hopEvents, classRate, classGroup);
        scratchClasses = new int[firstHopEvent + hopEvents];
        connectivity = config.keepDepositConnected() ? new ConnectivityCheck() : null;
        reach = redoxKinetics ? new ElectrolyteReach() : null;

        for (int c = 0; c < columns; c++) {
            for (int z = surfaceZ; z < surfaceZ + lc.initialMetalLayers(); z++) {
                setSpecies(lattice.site(c, z), Species.METAL);
            }
        }
        if (reach != null) {
            reach.rebuild();
        }
        for (int c = 0; c < columns; c++) {
            for (int z = surfaceZ; z <= Math.min(topZ, columnTop(c) + 1); z++) {
                refreshSite(lattice.site(c, z));
            }
        }
        logStepStart();
        updateFactors();
    }

    // ---------------------------------------------------------------- stepping

    /**
     * Runs events until the time reaches {@code timeLimit}, the net number of reduced ions reaches
     * {@code netIonLimit}, the event count reaches {@code eventLimit}, the deposit fills the box, or nothing can
     * happen any more. When the time limit falls inside a wait, the clock stops exactly at it (the exponential wait is
     * memoryless, so the next step simply draws a new one).
     */
    public Stop advance(double timeLimit, long netIonLimit, long eventLimit) {
        while (true) {
            if (boxFull) {
                return Stop.BOX_FULL;
            }
            if (control.finished()) {
                return Stop.PROTOCOL_DONE;
            }
            if (time >= timeLimit || reductions - oxidations >= netIonLimit || events >= eventLimit) {
                return Stop.TARGET;
            }
            double catalogRate = catalog.totalRate();
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
            } else if (execute(catalog.select(Math.min(target - arrivalRate, Math.nextDown(catalogRate)), rng))) {
                events++;
            } else {
                rejected++;
            }
            updateFactors();
        }
    }

    /**
     * Logs the start of a cycling protocol step if the last call to the control began one (each call ends at most one
     * step, so none is missed).
     */
    private void logStepStart() {
        if (control.stepsBegun() != stepStarts.size()) {
            stepStarts.add(new StepStart(control.cycle(), control.protocolStep(), time, reductions, oxidations,
                    deadAtoms, etaIntegral));
        }
    }

    private void updateFactors() {
        if (redoxKinetics) {
            double eta = control.eta();
            catalog.setGroupFactor(1, rates.reductionFactor(eta));
            catalog.setGroupFactor(2, rates.oxidationFactor(eta));
        }
    }

    /**
     * Carries out an event; returns false if it was rejected: a hop attempt towards an occupied or unsupported site,
     * or a hop that would leave the moving atom itself without a path to the substrate (its reverse would be
     * impossible, as dead metal does not hop). A rejected pick is a self-transition of the Markov chain, so
     * rejecting keeps the dynamics exact: it equals a catalogue in which that event has rate zero.
     */
    private boolean execute(int event) {
        int k = catalog.kindOfEvent(event);
        int site = catalog.siteOfSlot(catalog.slotOfEvent(event));
        if (k < firstHopEvent) {
            if (speciesAt(site) == Species.EMPTY) {
                reduce(site);
            } else {
                oxidize(site);
            }
            return true;
        }
        int direction;
        if (hopAttempts) {
            int signature = signature(site);
            direction = attemptDirection(site, signature);
            if (direction == NONE || hopClass(signature, site, direction) == NONE) {
                return false;
            }
        } else {
            direction = k - firstHopEvent;
        }
        int to = lattice.neighbour(site, direction);
        if (connectivity != null && !connectivity.reachesSubstrate(to, site)) {
            return false;
        }
        hops++;
        setSpecies(site, Species.EMPTY);
        setSpecies(to, Species.METAL);
        refreshAround(site, NONE);
        // a first-shell hop's target and origin were refreshed above as neighbours of the origin
        refreshAround(to, lattice.isFirstShell(direction) ? site : NONE);
        // dead metal the atom touches first regains its path; only then can the origin's neighbours be judged
        reconnectAround(to);
        cutOffAround(site);
        return true;
    }

    /** An ion is reduced at the empty site (package access: tests script events with it). */
    void reduce(int site) {
        reductions++;
        setSpecies(site, Species.METAL);
        refreshAround(site, NONE);
        reconnectAround(site);
        control.transfer(+1, time);
        logStepStart();
    }

    /** The live atom at the site is oxidized; metal it alone held to the substrate dies (package access, as above). */
    void oxidize(int site) {
        oxidations++;
        setSpecies(site, Species.EMPTY);
        refreshAround(site, NONE);
        cutOffAround(site);
        control.transfer(-1, time);
        logStepStart();
    }

    /**
     * The direction of a picked hop attempt ({@link HopAttempts}), or NONE if the draw itself refuses it. The caller
     * still checks that the target is free and supported.
     */
    private int attemptDirection(int site, int signature) {
        double u = rng.nextDouble() * attempts.rate(signature);
        double firstShellPart = attempts.firstShellPart(signature);
        if (u >= firstShellPart) {
            return attempts.secondShellDirection(signature, u - firstShellPart);
        }
        double fastest = attempts.firstShellMax(signature);
        int k = (int) (u * attempts.inverseFirstShellMax(signature));
        double thinning = u - k * fastest;
        int free = firstShellBits & ~metalNeighbours(site) & ~(site < surfaceLayerEnd ? downBits : 0)
                & ~(site >= topLayerStart ? upBits : 0);
        for (; k > 0 && free != 0; k--) {
            free &= free - 1;
        }
        if (free == 0) {
            return NONE; // the empty neighbour counted lies above the top of the box
        }
        int d = Integer.numberOfTrailingZeros(free);
        return thinning < attempts.firstShellRate(signature, d) ? d : NONE;
    }

    /** Sets the species of a site above the substrate and updates its events, as an event would (tests build states with it). */
    void place(int site, byte species) {
        setSpecies(site, species);
        refreshAround(site, NONE);
    }

    /** An ion from a flux-fixing supply is reduced where the supply lands it. */
    private void arrive() {
        int site = supply.land(this, rng);
        if (site < 0) {
            boxFull = true;
            return;
        }
        reductions++;
        setSpecies(site, Species.METAL);
        refreshAround(site, NONE);
        if (connectivity != null) {
            if (site < surfaceLayerEnd || livingNeighbour(site)) {
                reconnectAround(site);
            } else {
                relabelCluster(site, Species.METAL, Species.DEAD); // landed on dead metal only
            }
        }
    }

    // ---------------------------------------------------------------- dead metal

    /**
     * After an atom left {@code site}: a metal neighbour that lost its path to the substrate dies with the whole
     * cluster it belongs to. Most checks end at once, on a column that is solid metal down to the substrate.
     */
    private void cutOffAround(int site) {
        if (connectivity == null) {
            return;
        }
        for (int rest = metalNeighbours(site); rest != 0; rest &= rest - 1) {
            int n = lattice.neighbour(site, Integer.numberOfTrailingZeros(rest));
            if (speciesAt(n) == Species.METAL && !connectivity.reachesSubstrate(n, NONE)) {
                relabelCluster(n, Species.METAL, Species.DEAD);
            }
        }
    }

    /** After a live atom arrived at {@code site}: the dead clusters it touches regain their electronic contact. */
    private void reconnectAround(int site) {
        if (deadAtoms == 0) {
            return;
        }
        for (int rest = metalNeighbours(site); rest != 0; rest &= rest - 1) {
            int n = lattice.neighbour(site, Integer.numberOfTrailingZeros(rest));
            if (speciesAt(n) == Species.DEAD) {
                relabelCluster(n, Species.DEAD, Species.METAL);
            }
        }
    }

    /**
     * Relabels the cluster of {@code from} atoms around {@code start} (first-shell contacts) as {@code to}, then
     * recomputes the events around it: its atoms' own, and the reductions of the empty sites beside it. Dead and
     * live metal are never neighbours, so the cluster ends where the deposit does.
     */
    private void relabelCluster(int start, byte from, byte to) {
        IntArrayList sites = cluster;
        sites.clear();
        relabel(start, to);
        sites.add(start);
        for (int i = 0; i < sites.size(); i++) {
            int s = sites.getInt(i);
            for (int rest = metalNeighbours(s); rest != 0; rest &= rest - 1) {
                int n = lattice.neighbour(s, Integer.numberOfTrailingZeros(rest));
                if (speciesAt(n) == from) {
                    relabel(n, to);
                    sites.add(n);
                }
            }
        }
        for (int i = 0; i < sites.size(); i++) {
            refreshAround(sites.getInt(i), NONE);
        }
    }

    private void relabel(int site, byte value) {
        cells[site] = (short) ((cells[site] & ~SPECIES_BITS) | value);
        deadAtoms += value == Species.DEAD ? 1 : -1;
        updateColumnSolid(lattice.column(site), lattice.z(site), value);
    }

    /** A first-shell neighbour of the site is live metal. */
    private boolean livingNeighbour(int site) {
        for (int rest = metalNeighbours(site); rest != 0; rest &= rest - 1) {
            if (speciesAt(lattice.neighbour(site, Integer.numberOfTrailingZeros(rest))) == Species.METAL) {
                return true;
            }
        }
        return false;
    }

    private void setSpecies(int site, byte value) {
        cells[site] = (short) ((cells[site] & ~SPECIES_BITS) | value);
        boolean metal = value == Species.METAL;
        for (int d = 0; d < coordination; d++) {
            int n = lattice.neighbour(site, d);
            if (inDepositLayers(n)) {
                int bit = 1 << (NEIGHBOUR_SHIFT + lattice.reverse(d));
                cells[n] = (short) (metal ? cells[n] | bit : cells[n] & ~bit);
            }
        }
        metalAtoms += metal ? 1 : -1;
        int z = lattice.z(site);
        metalInLayer[z] += metal ? 1 : -1;
        if (metal) {
            highestTop = Math.max(highestTop, z);
            boxFull |= z == topZ;
        } else {
            while (highestTop >= surfaceZ && metalInLayer[highestTop] == 0) {
                highestTop--;
            }
        }
        if (connectivity != null) {
            updateColumnSolid(lattice.column(site), z, value);
        }
        if (reach != null && reach.ready) {
            if (metal) {
                reach.filled(site);
            } else {
                reach.emptied(site);
            }
        }
    }

    /** Keeps {@link #columnSolid} for the connectivity check (the only one that reads it). */
    private void updateColumnSolid(int column, int z, byte value) {
        if (value != Species.METAL) {
            columnSolid[column] = Math.min(columnSolid[column], z);
        } else if (z == columnSolid[column]) {
            int solid = z + 1;
            while (solid <= topZ && speciesAt(lattice.site(column, solid)) == Species.METAL) {
                solid++;
            }
            columnSolid[column] = solid;
        }
    }

    // ---------------------------------------------------------------- event bookkeeping

    /**
     * Recomputes every event whose rate depends on the state of {@code site}. If {@code refreshed} is a neighbour
     * whose own events (and this site's) are already up to date, both are skipped.
     */
    private void refreshAround(int site, int refreshed) {
        if (refreshed == NONE) {
            refreshSite(site);
        }
        // with hop attempts and no redox events, only metal neighbours own events, and only theirs can change
        int directions = hopAttempts && !redoxKinetics ? metalNeighbours(site) : firstShellBits;
        for (int rest = directions; rest != 0; rest &= rest - 1) {
            int d = Integer.numberOfTrailingZeros(rest);
            int n = lattice.neighbour(site, d);
            if (!inDepositLayers(n)) {
                continue;
            }
            // without redox kinetics an empty neighbour owns no events (its species did not change in this event)
            if (n != refreshed && (redoxKinetics || speciesAt(n) != Species.EMPTY)) {
                refreshSite(n);
            }
            // per-direction hops into an empty neighbour see its binding, which just changed
            if (!hopAttempts && hopDirections > 0 && speciesAt(n) == Species.EMPTY) {
                refreshHopsInto(n, site);
            }
        }
        // second-shell hops into the site itself come from atoms that are not its first-shell neighbours
        for (int d = coordination; d < (hopAttempts ? 0 : hopDirections); d++) {
            refreshHopFrom(site, lattice.reverse(d));
        }
    }

    /** Hops into the empty site {@code target} (its binding or support changed), except those of {@code skip}. */
    private void refreshHopsInto(int target, int skip) {
        for (int d = 0; d < hopDirections; d++) {
            int source = lattice.neighbour(target, lattice.reverse(d));
            if (inDepositLayers(source) && source != skip && speciesAt(source) == Species.METAL) {
                setEvent(source, firstHopEvent + d, hopClass(signature(source), source, d));
            }
        }
    }

    /** The hop that reaches {@code site} from its neighbour in direction {@code back}. */
    private void refreshHopFrom(int site, int back) {
        int source = lattice.neighbour(site, back);
        if (inDepositLayers(source) && speciesAt(source) == Species.METAL) {
            int d = lattice.reverse(back);
            setEvent(source, firstHopEvent + d, hopClass(signature(source), source, d));
        }
    }

    private void setEvent(int site, int k, int cls) {
        int slot = catalog.slotOf(site);
        if (slot == NONE) {
            if (cls == NONE) {
                return;
            }
            slot = catalog.openSlot(site);
        }
        catalog.setClass(slot, k, cls);
        catalog.closeSlotIfIdle(slot);
    }

    /** Recomputes all events owned by a site: its reduction or oxidation and its hops. */
    private void refreshSite(int site) {
        byte sp = speciesAt(site);
        int[] classes = scratchClasses;
        boolean any = false;
        int signature = signature(site);
        for (int k = 0; k < classes.length; k++) {
            classes[k] = eventClass(sp, signature, site, k);
            any |= classes[k] != NONE;
        }
        int slot = catalog.slotOf(site);
        if (slot == NONE) {
            if (!any) {
                return;
            }
            slot = catalog.openSlot(site);
        }
        for (int k = 0; k < classes.length; k++) {
            catalog.setClass(slot, k, classes[k]);
        }
        catalog.closeSlotIfIdle(slot);
    }

    /** Rate class of event k of a site whose species is sp and signature s, or NONE. */
    private int eventClass(byte sp, int signature, int site, int k) {
        if (k < firstHopEvent) {
            int occupied = energetics.occupied(signature);
            // electron transfer needs a metal or substrate neighbour and contact with the electrolyte
            return occupied > 0 && touchesElectrolyte(sp, site, occupied) && electronPath(sp, site)
                    ? (sp == Species.METAL ? oxidationClassBase : reductionClassBase) + signature : NONE;
        }
        if (sp != Species.METAL) {
            return NONE;
        }
        if (hopAttempts) {
            return attempts.rate(signature) > 0 ? signature : NONE;
        }
        return hopClass(signature, site, k - firstHopEvent);
    }

    /**
     * Whether the electrolyte reaches a site (empty) or one of its empty neighbours (metal). Both ask the same of
     * the state with the site filled: an empty site the electrolyte reaches has, once filled, an empty neighbour it
     * still reaches, and conversely, so each reduction is the exact reverse of an oxidation. The top layer touches
     * the electrolyte above the box.
     */
    private boolean touchesElectrolyte(byte sp, int site, int occupied) {
        if (site >= topLayerStart) {
            return true;
        }
        if (reach.sealedSites == 0) {
            return sp == Species.EMPTY || occupied < coordination;
        }
        if (sp == Species.EMPTY) {
            return !reach.sealed(site);
        }
        int free = firstShellBits & ~metalNeighbours(site) & ~(site < surfaceLayerEnd ? downBits : 0);
        for (; free != 0; free &= free - 1) {
            if (!reach.sealed(lattice.neighbour(site, Integer.numberOfTrailingZeros(free)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Live metal has its electronic path, dead metal has none; an empty site has one through the substrate (first
     * layer) or a live neighbour. Without dead metal every occupied neighbour is live, and nothing needs looking at.
     */
    private boolean electronPath(byte sp, int site) {
        if (sp != Species.EMPTY || deadAtoms == 0) {
            return sp != Species.DEAD;
        }
        return site < surfaceLayerEnd || livingNeighbour(site);
    }

    /** Rate class of the hop in {@code direction} of the atom at {@code site}, whose signature is {@code from}, or NONE. */
    private int hopClass(int from, int site, int direction) {
        int target = lattice.neighbour(site, direction);
        if (!inDepositLayers(target) || speciesAt(target) != Species.EMPTY) {
            return NONE;
        }
        boolean firstShell = direction < coordination;
        if (!firstShell) {
            // a second-shell move is blocked when both bridge sites are occupied: the mover's column at the target's
            // height, and the target's column at the mover's height
            int layerStep = lattice.dz(direction) * columns;
            if (speciesAt(site + layerStep) != Species.EMPTY && speciesAt(target - layerStep) != Species.EMPTY) {
                return NONE;
            }
        }
        // the target's binding without the moving atom, which is its neighbour only for first-shell hops
        int to = signature(target) - (firstShell ? 1 : 0);
        return rates.hopClass(from, to, site < surfaceLayerEnd && target < surfaceLayerEnd, !firstShell);
    }

    /** Above the substrate and inside the box (neighbour numbers outside it are not sites of the deposit). */
    private boolean inDepositLayers(int site) {
        return site >= surfaceLayerStart && site < cells.length;
    }

    private byte speciesAt(int site) {
        return (byte) (cells[site] & SPECIES_BITS);
    }

    /** Bit d set when the first-shell neighbour in direction d is metal. */
    private int metalNeighbours(int site) {
        return (cells[site] >> NEIGHBOUR_SHIFT) & firstShellBits;
    }

    /** The site's neighbour count, plus the substrate environment below it on the first layer (site above the substrate). */
    private int signature(int site) {
        return Integer.bitCount(metalNeighbours(site)) + signatureStride * ((cells[site] & 0xFFFF) >>> ENVIRONMENT_SHIFT);
    }

    // ---------------------------------------------------------------- read access for observers

    public Lattice lattice() {
        return lattice;
    }

    public RateModel rates() {
        return rates;
    }

    public byte species(int site) {
        return speciesAt(site);
    }

    /** First layer above the substrate (the number of substrate layers). */
    public int surfaceZ() {
        return surfaceZ;
    }

    /** Highest occupied z of a column (the top substrate layer if the column holds no metal). */
    public int columnTop(int column) {
        int z = highestTop;
        while (z >= surfaceZ && speciesAt(lattice.site(column, z)) == Species.EMPTY) {
            z--;
        }
        return z;
    }

    /** Highest occupied z of the whole box. */
    public int highestTop() {
        return highestTop;
    }

    /** Metal and substrate first-shell neighbours of a site above the substrate. */
    public int occupiedNeighbours(int site) {
        return energetics.occupied(signature(site));
    }

    /**
     * Reduction rate of an empty site relative to a kink site at the same η, exp(α(B − B_kink)/kT): how much more
     * (or less) readily an ion is reduced there.
     */
    public double relativeReductionRate(int site) {
        return rates.reductionBase(signature(site)) / rates.k0();
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

    public long hops() {
        return hops;
    }

    /** Waits cut short because η or the time limit moved on before the next event. */
    public long nullSteps() {
        return nullSteps;
    }

    /** Picked hops and oxidations that were refused because they would cut metal off the substrate. */
    public long rejected() {
        return rejected;
    }

    /** Atoms of the deposit, live and dead. */
    public long metalAtoms() {
        return metalAtoms;
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
        return deadAtoms;
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
        return boxFull;
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
        return catalog.activeSites();
    }

    /**
     * Recomputes every event of every site from scratch and compares it with the catalogue, which is maintained
     * incrementally: returns a description of the first difference, or null if there is none. For tests: O(sites).
     */
    String catalogueMismatch() {
        String voids = reach == null ? null : reach.mismatch();
        if (voids != null) {
            return voids + " after " + events + " events";
        }
        for (int c = 0; c < lattice.columns(); c++) {
            for (int z = surfaceZ; z <= topZ; z++) {
                int site = lattice.site(c, z);
                int slot = catalog.slotOf(site);
                byte sp = speciesAt(site);
                int signature = signature(site);
                for (int k = 0; k < firstHopEvent + hopEvents; k++) {
                    int expected = eventClass(sp, signature, site, k);
                    int actual = slot == NONE ? NONE : catalog.classOf(slot, k);
                    if (expected != actual) {
                        return "site (column " + c + ", z " + z + ") event " + k + ": catalogue has class " + actual
                                + ", a fresh computation gives " + expected + " after " + events + " events";
                    }
                }
            }
        }
        return null;
    }

    /** Empty sites inside the deposit that the electrolyte cannot reach (0 without redox kinetics). */
    public int sealedSites() {
        return reach == null ? 0 : reach.sealedSites;
    }

    /** Bytes held by the lattice state (species and metal neighbours, two bytes per site). */
    public long latticeStateBytes() {
        return 2L * cells.length;
    }

    /**
     * Bytes held by everything else: the event catalogue, the per-layer counts, with the connectivity rule a
     * per-column array and with redox kinetics the column tops and one bit per site for sealed voids.
     */
    public long catalogueBytes() {
        return catalog.memoryBytes() + 4L * (columnSolid.length + metalInLayer.length)
                + (reach == null ? 0 : 4L * columns + 8L * reach.sealedBits.length);
    }

    // ---------------------------------------------------------------- checkpoints

    /** Layout of {@link #writeState}; bump it whenever the state written changes. */
    private static final int STATE_FORMAT = 6;

    /**
     * Writes the complete mutable state: lattice, column bookkeeping, clock, counters, η, the event catalogue as it
     * is (not rebuilt: the order of the events in each class decides what a random number picks) and the generator.
     * {@link #readState} on a simulation built from the same config then continues exactly as this one would. (The
     * ion supplies keep no state of their own; one that does must be saved here too.)
     */
    public void writeState(DataOutput out) throws IOException {
        out.writeInt(STATE_FORMAT);
        StateData.writeShorts(out, cells, cells.length);
        StateData.writeInts(out, metalInLayer, metalInLayer.length);
        out.writeInt(highestTop);
        StateData.writeInts(out, columnSolid, columnSolid.length);
        out.writeDouble(time);
        for (long counter : new long[]{events, reductions, oxidations, hops, nullSteps, rejected, metalAtoms,
                deadAtoms}) {
            out.writeLong(counter);
        }
        out.writeBoolean(boxFull);
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
        catalog.writeState(out);
        byte[] generator = ((RandomProviderDefaultState) rng.saveState()).getState();
        StateData.writeBytes(out, generator, generator.length);
    }

    /**
     * Replaces the state of this freshly built simulation by one written by {@link #writeState} from a simulation of
     * the same config. Throws IOException, leaving this simulation unusable, if the state does not fit.
     */
    public void readState(DataInput in) throws IOException {
        StateData.expect(in.readInt(), STATE_FORMAT, "engine state format");
        StateData.readShortsInto(in, cells, "sites");
        StateData.readIntsInto(in, metalInLayer, "layers");
        highestTop = StateData.checkRange(in.readInt(), topZ, "highest layer");
        StateData.readIntsInto(in, columnSolid, "columns");
        time = in.readDouble();
        events = in.readLong();
        reductions = in.readLong();
        oxidations = in.readLong();
        hops = in.readLong();
        nullSteps = in.readLong();
        rejected = in.readLong();
        metalAtoms = in.readLong();
        deadAtoms = in.readLong();
        boxFull = in.readBoolean();
        etaIntegral = in.readDouble();
        control.readState(in);
        int starts = StateData.checkRange(in.readInt(), control.stepsBegun(), "protocol step starts");
        stepStarts.clear();
        for (int i = 0; i < starts; i++) {
            stepStarts.add(new StepStart(in.readInt(), in.readInt(), in.readDouble(), in.readLong(), in.readLong(),
                    in.readLong(), in.readDouble()));
        }
        catalog.readState(in, cells.length);
        if (reach != null) {
            reach.rebuild();
        }
        byte[] generator = StateData.readBytes(in, 1 << 16, "generator state");
        try {
            rng.restoreState(new RandomProviderDefaultState(generator));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IOException("generator state does not fit: " + e.getMessage());
        }
    }

    /**
     * Whether metal reaches the substrate through metal (its electronic path to the current collector). Most checks
     * end at once because the site sits on a column that is solid metal down to the substrate; the rest search the
     * deposit, downwards first. Dead metal carries no path: it is never next to live metal.
     */
    private final class ConnectivityCheck {
        private final it.unimi.dsi.fastutil.ints.IntOpenHashSet visited = new it.unimi.dsi.fastutil.ints.IntOpenHashSet();
        private int[] stack = new int[64];
        private int removed;
        private int removedColumn;
        private int removedZ;
        private int added;

        /**
         * Does metal at {@code site} reach the substrate? With {@code from} set, as if the atom there had just moved
         * to {@code site} (a hop about to be made).
         */
        boolean reachesSubstrate(int site, int from) {
            removed = from;
            removedColumn = from == NONE ? NONE : lattice.column(from);
            removedZ = from == NONE ? NONE : lattice.z(from);
            added = from == NONE ? NONE : site;
            return connected(site);
        }

        private boolean metal(int site) {
            return site == added || (site != removed && speciesAt(site) == Species.METAL);
        }

        /** The site rests on the substrate or on a column that stays solid metal down to it. */
        private boolean grounded(int site) {
            int column = lattice.column(site);
            int z = lattice.z(site);
            int solid = column == removedColumn && removedZ < columnSolid[column] ? removedZ : columnSolid[column];
            return z == surfaceZ || z < solid;
        }

        private boolean connected(int site) {
            if (grounded(site)) {
                return true;
            }
            if (visited.size() > 4096) {
                visited.trim();
            }
            visited.clear();
            visited.add(site);
            int top = 0;
            stack[top++] = site;
            while (top > 0) {
                int s = stack[--top];
                // downward moves are pushed last so they are explored first: the substrate lies below
                for (int pass = 0; pass < 2; pass++) {
                    for (int d = 0; d < coordination; d++) {
                        if ((pass == 0) == (lattice.dz(d) < 0)) {
                            continue;
                        }
                        int n = lattice.neighbour(s, d);
                        if (!inDepositLayers(n) || !metal(n) || !visited.add(n)) {
                            continue;
                        }
                        if (grounded(n)) {
                            return true;
                        }
                        if (top == stack.length) {
                            stack = java.util.Arrays.copyOf(stack, top * 2);
                        }
                        stack[top++] = n;
                    }
                }
            }
            return false;
        }
    }

    /**
     * Tracks the empty sites that the electrolyte cannot reach: voids sealed inside the deposit, where no redox may
     * happen. An empty site above the highest metal of its column is reached (straight up), so only sites below a
     * column's top ever need a search, and the set of sealed sites changes only when a filled site closes a void or an
     * emptied one opens it. Sealed voids are rare: with none, redox eligibility costs nothing extra.
     */
    private final class ElectrolyteReach {
        /** Highest metal z of each column (the top substrate layer if none). */
        private final int[] columnTop = new int[columns];
        private final long[] sealedBits = new long[(cells.length + 63) >>> 6];
        private int sealedSites;
        private boolean ready;
        private final it.unimi.dsi.fastutil.ints.IntOpenHashSet visited = new it.unimi.dsi.fastutil.ints.IntOpenHashSet();
        /** The sites of {@link #visited} (iterating a hash set would allocate). */
        private int[] region = new int[64];
        private int regionSize;
        private int[] stack = new int[64];
        private int stackSize;

        boolean sealed(int site) {
            return (sealedBits[site >>> 6] & (1L << site)) != 0;
        }

        private void setSealed(int site, boolean value) {
            if (sealed(site) != value) {
                sealedBits[site >>> 6] ^= 1L << site;
                sealedSites += value ? 1 : -1;
            }
        }

        /** Recomputes everything from the lattice (after construction or a checkpoint read): a flood from the top. */
        void rebuild() {
            java.util.Arrays.fill(sealedBits, 0);
            sealedSites = 0;
            java.util.BitSet reached = new java.util.BitSet(cells.length);
            int[] queue = new int[cells.length];
            int end = 0;
            for (int c = 0; c < columns; c++) {
                int z = topZ;
                while (z >= surfaceZ && speciesAt(lattice.site(c, z)) == Species.EMPTY) {
                    reached.set(lattice.site(c, z));
                    queue[end++] = lattice.site(c, z);
                    z--;
                }
                columnTop[c] = z;
            }
            for (int head = 0; head < end; head++) {
                int s = queue[head];
                for (int d = 0; d < coordination; d++) {
                    int n = lattice.neighbour(s, d);
                    if (inDepositLayers(n) && speciesAt(n) == Species.EMPTY && !reached.get(n)) {
                        reached.set(n);
                        queue[end++] = n;
                    }
                }
            }
            for (int s = surfaceLayerStart; s < cells.length; s++) {
                if (speciesAt(s) == Species.EMPTY && !reached.get(s)) {
                    setSealed(s, true);
                }
            }
            ready = true;
        }

        /** Differences from a fresh {@link #rebuild} (for tests), or null. */
        String mismatch() {
            long[] bits = sealedBits.clone();
            int[] tops = columnTop.clone();
            int count = sealedSites;
            rebuild();
            String result = java.util.Arrays.equals(bits, sealedBits) && java.util.Arrays.equals(tops, columnTop)
                    && count == sealedSites ? null : "sealed voids or column tops differ from a fresh computation: "
                    + java.util.BitSet.valueOf(bits) + " / " + java.util.BitSet.valueOf(sealedBits) + " tops "
                    + java.util.Arrays.toString(tops) + " / " + java.util.Arrays.toString(columnTop);
            System.arraycopy(bits, 0, sealedBits, 0, bits.length);
            System.arraycopy(tops, 0, columnTop, 0, tops.length);
            sealedSites = count;
            return result;
        }

        /** The site just became metal: it may close a void off below it. */
        void filled(int site) {
            int c = lattice.column(site);
            columnTop[c] = Math.max(columnTop[c], lattice.z(site));
            if (sealed(site)) {
                setSealed(site, false); // a void shrinks, and what is left of it stays sealed
                return;
            }
            int empty = emptyNeighbours(site);
            if (Integer.bitCount(empty) < 2) {
                return; // the site was a dead end of the electrolyte: filling it cuts nothing off
            }
            for (; empty != 0; empty &= empty - 1) {
                int n = lattice.neighbour(site, Integer.numberOfTrailingZeros(empty));
                // most neighbours lie above their column's top: reached straight up, no search
                if (lattice.z(n) <= columnTop[lattice.column(n)] && !sealed(n) && !reachesTop(n)) {
                    setRegion(true);
                }
            }
        }

        /** The site just became empty: it joins the electrolyte (opening any void it touches) or a void. */
        void emptied(int site) {
            int c = lattice.column(site);
            int z = lattice.z(site);
            if (z == columnTop[c]) {
                int below = z - 1;
                while (below >= surfaceZ && speciesAt(lattice.site(c, below)) == Species.EMPTY) {
                    below--;
                }
                columnTop[c] = below;
            }
            boolean open = site >= topLayerStart;
            int empty = emptyNeighbours(site);
            for (int rest = empty; rest != 0 && !open; rest &= rest - 1) {
                open = !sealed(lattice.neighbour(site, Integer.numberOfTrailingZeros(rest)));
            }
            if (!open) {
                setSealed(site, true);
                return;
            }
            for (; empty != 0; empty &= empty - 1) {
                int n = lattice.neighbour(site, Integer.numberOfTrailingZeros(empty));
                if (sealed(n)) {
                    collectRegion(n);
                    setRegion(false);
                }
            }
        }

        private int emptyNeighbours(int site) {
            return firstShellBits & ~metalNeighbours(site) & ~(site < surfaceLayerEnd ? downBits : 0)
                    & ~(site >= topLayerStart ? upBits : 0);
        }

        /**
         * Searches the empty sites connected to {@code start}, upwards first, for one above its column's top. Leaves
         * the sites searched in {@link #region}: all of them, the whole region, when it returns false.
         */
        private boolean reachesTop(int start) {
            begin(start);
            while (stackSize > 0) {
                int s = stack[--stackSize];
                if (lattice.z(s) > columnTop[lattice.column(s)]) {
                    return true;
                }
                // upward moves are pushed last so they are explored first
                for (int pass = 0; pass < 3; pass++) {
                    for (int d = 0; d < coordination; d++) {
                        int n = lattice.neighbour(s, d);
                        if (Integer.signum(lattice.dz(d)) == pass - 1 && inDepositLayers(n)
                                && speciesAt(n) == Species.EMPTY) {
                            visit(n);
                        }
                    }
                }
            }
            return false;
        }

        /** Collects the sealed void that contains {@code start} into {@link #region}. */
        private void collectRegion(int start) {
            begin(start);
            while (stackSize > 0) {
                int s = stack[--stackSize];
                for (int d = 0; d < coordination; d++) {
                    int n = lattice.neighbour(s, d);
                    if (inDepositLayers(n) && sealed(n)) {
                        visit(n);
                    }
                }
            }
        }

        private void begin(int start) {
            if (visited.size() > 4096) {
                visited.trim(); // clear() costs the table's capacity: do not keep a large one after a large search
            }
            visited.clear();
            regionSize = 0;
            stackSize = 0;
            visit(start);
        }

        private void visit(int site) {
            if (!visited.add(site)) {
                return;
            }
            if (regionSize == region.length) {
                region = java.util.Arrays.copyOf(region, 2 * regionSize);
            }
            region[regionSize++] = site;
            if (stackSize == stack.length) {
                stack = java.util.Arrays.copyOf(stack, 2 * stackSize);
            }
            stack[stackSize++] = site;
        }

        /** Seals or opens the sites of {@link #region}, and recomputes the redox events that see them. */
        private void setRegion(boolean seal) {
            for (int i = 0; i < regionSize; i++) {
                setSealed(region[i], seal);
            }
            for (int i = 0; i < regionSize; i++) {
                int s = region[i];
                refreshSite(s);
                for (int rest = metalNeighbours(s); rest != 0; rest &= rest - 1) {
                    refreshSite(lattice.neighbour(s, Integer.numberOfTrailingZeros(rest)));
                }
            }
        }
    }
}
