package org.anodekmc.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.ControlConfig;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.config.StopConfig;
import org.anodekmc.engine.MemoryEstimate;
import org.anodekmc.engine.Simulation;
import org.anodekmc.io.CheckpointFile;
import org.anodekmc.io.CsvWriter;
import org.anodekmc.io.Cycles;
import org.anodekmc.io.RecordedRows;
import org.anodekmc.io.RunFolder;
import org.anodekmc.io.Summaries;
import org.anodekmc.io.TrajectoryWriter;
import org.anodekmc.observe.NucleationAnalysis;
import org.anodekmc.observe.Sample;
import org.anodekmc.plot.CyclePlots;
import org.anodekmc.transport.Supplies;
import org.anodekmc.units.Units;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs one config into a run folder: config.resolved.yaml, timeseries.csv, islands.csv, summary.json and
 * trajectory.bin. Rows and frames are spread evenly over the run's progress towards its stop limit. A run can write
 * checkpoints, be stopped on request and be resumed; the resumed run ends byte for byte as the run without the stop.
 */
public final class RunExecutor {
    /** Progress of a running simulation, reported about twice a second. */
    public record Progress(double fraction, double time, double eta, double charge, long events,
                           double eventsPerSecond, double elapsedSeconds) {
    }

    /** What a finished run produced. */
    public record Result(Path folder, Simulation.Stop stop, Map<String, Object> summary,
                         NucleationAnalysis nucleation) {
    }

    /**
     * How a run is watched: periodic checkpoints ({@code checkpoints} null: none) and a request to stop early,
     * checked every 2^18 events and at every row and frame; a stopped run writes a checkpoint, flushes its outputs and
     * throws {@link RunInterruptedException}.
     */
    public record Options(CheckpointPolicy checkpoints, BooleanSupplier stopRequested) {
        public static final Options NONE = new Options(null, () -> false);
    }

    private static final long EVENTS_PER_CHECK = 1 << 18;
    private static final long PROGRESS_INTERVAL_NANOS = 500_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunExecutor() {
    }

    public static Result run(SimulationConfig config, Path folder, Consumer<Progress> progress) {
        return run(config, folder, Options.NONE, progress);
    }

    /** Runs into a new run folder at {@code folder}; a finished run there is refused (see {@link RunFolder#begin}). */
    public static Result run(SimulationConfig config, Path folder, Options options, Consumer<Progress> progress) {
        try (RunFolder run = begin(config, folder, false)) {
            return run(config, run, options, progress);
        }
    }

    /**
     * Begins a run folder for {@code config} once it is known to fit in memory, so that a box too large for the
     * heap writes nothing (see {@link RunFolder#begin}).
     */
    public static RunFolder begin(SimulationConfig config, Path folder, boolean overwrite) {
        MemoryEstimate.requireFits(config, Runtime.getRuntime().maxMemory());
        return RunFolder.begin(folder, overwrite);
    }

    /** Runs into {@code run}, begun by the caller, who closes it. */
    public static Result run(SimulationConfig config, RunFolder run, Options options, Consumer<Progress> progress) {
        String yaml = ConfigLoader.toYaml(config);
        RunFolder.writeAtomically(run.file(RunFolder.CONFIG), yaml);
        long wallStart = System.nanoTime();
        Simulation sim = Supplies.newSimulation(config);
        Session session = new Session(config, run, CheckpointFile.hash(yaml.getBytes(StandardCharsets.UTF_8)), sim,
                options.checkpoints(), wallStart, 0);
        Simulation.Stop stop;
        try (CsvWriter series = new CsvWriter(run.file(RunFolder.TIMESERIES), Sample.COLUMNS);
             TrajectoryWriter trajectory = new TrajectoryWriter(run.file(RunFolder.TRAJECTORY), sim)) {
            session.recorded.add(Sample.of(sim, null), series);
            if (session.frames > 0) {
                trajectory.write(sim);
            }
            stop = session.loop(series, trajectory, options.stopRequested(), progress);
        }
        return session.finish(stop);
    }

    /**
     * Continues an interrupted run from its last checkpoint. It ends exactly as the uninterrupted run would have:
     * same rows, frames, islands and summary (apart from the wall-clock fields).
     *
     * @param folder  the run folder (RUN) or its partial folder (RUN.partial)
     * @param options {@code checkpoints} null continues with the run's own checkpoint policy
     * @throws IllegalArgumentException if there is nothing to resume, or the checkpoint is missing, damaged or
     *                                  does not fit the folder's config and outputs, or if another process
     *                                  is writing the run
     */
    public static Result resume(Path folder, Options options, Consumer<Progress> progress) {
        try (RunFolder run = RunFolder.reopen(folder)) {
            Path configFile = run.file(RunFolder.CONFIG);
            byte[] yaml;
            try {
                yaml = Files.readAllBytes(configFile);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + configFile + " of the interrupted run");
            }
            long wallStart = System.nanoTime();
            byte[] hash = CheckpointFile.hash(yaml);
            Session session = CheckpointFile.read(run.file(RunFolder.CHECKPOINT), hash, in -> {
                SimulationConfig config = ConfigLoader.withBuiltInPresets().load(configFile);
                MemoryEstimate.requireFits(config, Runtime.getRuntime().maxMemory());
                return Session.restore(in, config, run, hash, options.checkpoints(), wallStart);
            });
            Simulation.Stop stop;
            try (CsvWriter series = CsvWriter.continueAt(run.file(RunFolder.TIMESERIES), session.seriesLength);
                 TrajectoryWriter trajectory = TrajectoryWriter.continueAt(run.file(RunFolder.TRAJECTORY),
                         session.sim, session.trajectoryLength, session.trajectoryFrames)) {
                stop = session.loop(series, trajectory, options.stopRequested(), progress);
            }
            return session.finish(stop);
        }
    }

    /** A run from its start (or a resume) to its end (or a stop): the simulation, its outputs' schedule and rows. */
    private static final class Session {
        private final SimulationConfig config;
        private final RunFolder run;
        private final byte[] configHash;
        private final Simulation sim;
        private final Schedule schedule;
        private final int rows;
        private final int frames;
        private final CheckpointPolicy checkpoints;
        private final long wallStart;
        /** Wall-clock seconds of the sessions before this one. */
        private final double wallBefore;
        private RecordedRows recorded;
        private int nextRow = 1;
        private int nextFrame = 1;
        private long nextCheckpointEvents = Long.MAX_VALUE;
        private double nextCheckpointTime = Double.POSITIVE_INFINITY;
        private long nextCheckpointWall;
        /** Lengths of the outputs at the checkpoint a resumed session starts from. */
        private long seriesLength;
        private long trajectoryLength;
        private int trajectoryFrames;

        Session(SimulationConfig config, RunFolder run, byte[] configHash, Simulation sim,
                CheckpointPolicy checkpoints, long wallStart, double wallBefore) {
            this.config = config;
            this.run = run;
            this.configHash = configHash;
            this.sim = sim;
            this.checkpoints = checkpoints;
            this.wallStart = wallStart;
            this.wallBefore = wallBefore;
            schedule = new Schedule(config, sim);
            rows = config.output().rows();
            frames = config.output().frames();
            recorded = new RecordedRows(rows + 1);
        }

        Simulation.Stop loop(CsvWriter series, TrajectoryWriter trajectory, BooleanSupplier stopRequested,
                             Consumer<Progress> progress) {
            scheduleCheckpoint(System.nanoTime());
            long lastReport = System.nanoTime();
            while (true) {
                double timeTarget = schedule.time(nextRow, rows);
                long ionTarget = schedule.ions(nextRow, rows);
                long eventTarget = Math.min(schedule.events(nextRow, rows), sim.events() + EVENTS_PER_CHECK);
                if (frames > 0) {
                    timeTarget = Math.min(timeTarget, schedule.time(nextFrame, frames));
                    ionTarget = Math.min(ionTarget, schedule.ions(nextFrame, frames));
                    eventTarget = Math.min(eventTarget, schedule.events(nextFrame, frames));
                }
                // the engine checks its event limit before the next random draw, so stopping at one leaves the run
                // as it was: event checkpoints fall exactly on their count
                eventTarget = Math.min(eventTarget, nextCheckpointEvents);
                Simulation.Stop stop = sim.advance(timeTarget, ionTarget, eventTarget);
                boolean finished = stop != Simulation.Stop.TARGET || !schedule.open && schedule.reached(sim, rows, rows);
                if (finished || schedule.reached(sim, nextRow, rows)) {
                    nextRow = schedule.lastReached(sim, nextRow, rows) + 1;
                    recorded.add(Sample.of(sim, recorded.last()), series);
                }
                if (frames > 0 && (finished || schedule.reached(sim, nextFrame, frames))) {
                    nextFrame = schedule.lastReached(sim, nextFrame, frames) + 1;
                    trajectory.write(sim);
                }
                long now = System.nanoTime();
                if (progress != null && (finished || now - lastReport > PROGRESS_INTERVAL_NANOS)) {
                    lastReport = now;
                    double elapsed = wallSeconds(now);
                    progress.accept(new Progress(schedule.fraction(sim, config), sim.time(), recorded.last().eta(),
                            sim.chargeMAhPerCm2(), sim.events(), sim.events() / Math.max(elapsed, 1e-9), elapsed));
                }
                if (finished) {
                    return stop;
                }
                series.flush();
                boolean due = checkpointDue(now);
                if (due) {
                    writeCheckpoint(series, trajectory);
                    scheduleCheckpoint(System.nanoTime());
                }
                if (stopRequested.getAsBoolean()) {
                    if (!due) {
                        writeCheckpoint(series, trajectory);
                    }
                    throw new RunInterruptedException(run.target(), run.partial(), sim.time(), sim.events());
                }
            }
        }

        private void scheduleCheckpoint(long now) {
            if (checkpoints != null) {
                nextCheckpointEvents = checkpoints.nextEvents(sim.events());
                nextCheckpointTime = checkpoints.nextTime(sim.time());
                nextCheckpointWall = checkpoints.nextWallNanos(now);
            }
        }

        private boolean checkpointDue(long now) {
            return sim.events() >= nextCheckpointEvents || sim.time() >= nextCheckpointTime
                    || checkpoints != null && checkpoints.unit() == CheckpointPolicy.Unit.WALL_MINUTES
                    && now - nextCheckpointWall >= 0;
        }

        /** Wall-clock time of the whole run up to {@code now}, all sessions, s. */
        private double wallSeconds(long now) {
            return wallBefore + (now - wallStart) * 1e-9;
        }

        /**
         * Saves everything the rest of the run depends on. The outputs are forced to disk first, so a checkpoint never
         * refers to rows or frames that a crash could lose.
         */
        private void writeCheckpoint(CsvWriter series, TrajectoryWriter trajectory) {
            long seriesBytes = series.sync();
            long trajectoryBytes = trajectory.sync();
            double wall = wallSeconds(System.nanoTime());
            CheckpointFile.write(run.file(RunFolder.CHECKPOINT), configHash, out -> {
                out.writeUTF(checkpoints == null ? "" : checkpoints.spec());
                out.writeInt(nextRow);
                out.writeInt(nextFrame);
                out.writeLong(seriesBytes);
                out.writeLong(trajectoryBytes);
                out.writeInt(trajectory.frames());
                out.writeDouble(wall);
                recorded.write(out);
                sim.writeState(out);
            });
        }

        /** The session a checkpoint left off; {@code checkpoints} null keeps the run's own policy. */
        static Session restore(DataInputStream in, SimulationConfig config, RunFolder run, byte[] configHash,
                               CheckpointPolicy checkpoints, long wallStart) throws IOException {
            String spec = in.readUTF();
            CheckpointPolicy policy = checkpoints != null || spec.isEmpty() ? checkpoints
                    : CheckpointPolicy.parse(spec);
            int nextRow = in.readInt();
            int nextFrame = in.readInt();
            long seriesLength = in.readLong();
            long trajectoryLength = in.readLong();
            int trajectoryFrames = in.readInt();
            double wallBefore = in.readDouble();
            Session session = new Session(config, run, configHash, Supplies.newSimulation(config), policy, wallStart,
                    wallBefore);
            boolean open = session.schedule.open;
            if (nextRow < 1 || !open && nextRow > session.rows
                    || nextFrame < 1 || !open && nextFrame > Math.max(1, session.frames)) {
                throw new IOException("row " + nextRow + " or frame " + nextFrame + " is outside the run's schedule");
            }
            session.recorded = RecordedRows.read(in, open ? Integer.MAX_VALUE : session.rows + 1);
            session.sim.readState(in);
            session.nextRow = nextRow;
            session.nextFrame = nextFrame;
            session.seriesLength = requireLength(run.file(RunFolder.TIMESERIES), seriesLength);
            session.trajectoryLength = requireLength(run.file(RunFolder.TRAJECTORY), trajectoryLength);
            session.trajectoryFrames = trajectoryFrames;
            return session;
        }

        /** An output must still hold what it held at the checkpoint; what came after is written again. */
        private static long requireLength(Path file, long length) {
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                size = -1;
            }
            if (size < length) {
                throw new IllegalArgumentException(file + " is " + (size < 0 ? "missing" : "shorter than when the "
                        + "checkpoint was written") + ": the run folder was changed and cannot be resumed");
            }
            return length;
        }

        Result finish(Simulation.Stop stop) {
            double wallSeconds = wallSeconds(System.nanoTime());
            NucleationAnalysis nucleation = null;
            if (config.control().mode().equals(ControlConfig.GALVANOSTATIC) && !Double.isNaN(sim.eta())) {
                nucleation = NucleationAnalysis.of(recorded.times(), recorded.etas(), recorded.charges(),
                        recorded.coverages());
            }
            recorded.writeIslands(run.file(RunFolder.ISLANDS), nucleation);
            Map<String, Object> summary = Summaries.of(config, sim, stop, recorded.last(), nucleation, wallSeconds);
            if (config.control().cycling()) {
                Cycles cycles = Cycles.of(config, sim, recorded);
                cycles.write(run.file(RunFolder.CYCLES));
                summary.put("cycling", cycles.summary());
                Path plot = run.file(CyclePlots.VOLTAGE_CAPACITY);
                CyclePlots.write(plot.getParent(), plot);
            }
            try {
                RunFolder.writeAtomically(run.file(RunFolder.SUMMARY), JSON.writeValueAsString(summary) + "\n");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            run.commit();
            return new Result(run.target(), stop, summary, nucleation);
        }
    }

    /**
     * Targets of the k-th of n evenly spread samples, for each stop limit that is set. Under galvanostatic control the
     * charge limit is the applied charge j·t, as on a battery cycler's capacity axis, so samples fall on an even time
     * grid; sampling at the moments the counted charge crosses a threshold would pick moments right after
     * reductions, when η has just been kicked down.
     */
    private static final class Schedule {
        private final double time;
        private final long ions;
        private final long events;
        /**
         * A cycling run without stop limits ends with its last cycle, whose time is not known in advance: its rows
         * are spread over an estimate of the protocol's duration ({@link #protocolDuration}) and, if the run lasts
         * longer, go on at the same interval.
         */
        private final boolean open;

        Schedule(SimulationConfig config, Simulation sim) {
            StopConfig stop = config.stop();
            open = config.control().cycling() && stop.time() == null && stop.charge() == null
                    && stop.events() == null;
            double t = stop.time() == null ? open ? protocolDuration(config.control()) : Double.POSITIVE_INFINITY
                    : stop.time();
            boolean galvanostatic = config.control().mode().equals(ControlConfig.GALVANOSTATIC);
            if (stop.charge() != null && galvanostatic) {
                t = Math.min(t, stop.charge() * 3600 / config.control().currentDensity());
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
                    plated += s.charge() != null ? s.charge() : s.time() != null ? s.current() * s.time() / 3600 : 0;
                }
            }
            double cycle = 0;
            for (ControlConfig.ProtocolStep s : control.protocol()) {
                double byCharge = !s.galvanostatic() || s.current() == 0 ? Double.POSITIVE_INFINITY
                        : (s.charge() != null ? s.charge() : plated) * 3600 / Math.abs(s.current());
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
}
