package org.anodekmc.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.anodekmc.config.ControlConfig;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.engine.Simulation;
import org.anodekmc.io.CheckpointFile;
import org.anodekmc.io.CsvWriter;
import org.anodekmc.io.Cycles;
import org.anodekmc.io.RecordedRows;
import org.anodekmc.io.RunFolder;
import org.anodekmc.io.Summaries;
import org.anodekmc.io.TrajectoryReader;
import org.anodekmc.io.TrajectoryWriter;
import org.anodekmc.observe.Islands;
import org.anodekmc.observe.NucleationAnalysis;
import org.anodekmc.observe.Sample;
import org.anodekmc.plot.CyclePlots;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A run from its start (or a resume) to its end (or a stop): the simulation, its outputs' schedule and rows. */
final class Session {
    private static final long EVENTS_PER_CHECK = 1 << 18;
    private static final long PROGRESS_INTERVAL_NANOS = 500_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SimulationConfig config;
    private final RunFolder run;
    private final byte[] configHash;
    final Simulation sim;
    private final Schedule schedule;
    private final int rows;
    final int frames;
    private final CheckpointPolicy checkpoints;
    private final long wallStart;
    /** Wall-clock seconds of the sessions before this one. */
    private final double wallBefore;
    RecordedRows recorded;
    private int nextRow = 1;
    private int nextFrame = 1;
    private long nextCheckpointEvents = Long.MAX_VALUE;
    private double nextCheckpointTime = Double.POSITIVE_INFINITY;
    private long nextCheckpointWall;
    /** Lengths of the outputs at the checkpoint a resumed session starts from. */
    long seriesLength;
    long trajectoryLength;
    int trajectoryFrames;

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
                         Consumer<RunExecutor.Progress> progress) {
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
                trajectory.write(sim, frameInfo(sim));
            }
            long now = System.nanoTime();
            if (progress != null && (finished || now - lastReport > PROGRESS_INTERVAL_NANOS)) {
                lastReport = now;
                double elapsed = wallSeconds(now);
                progress.accept(new RunExecutor.Progress(schedule.fraction(sim, config), sim.time(), recorded.last().eta(),
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

    /** The header of the trajectory frame of the simulation's present state. */
    static TrajectoryReader.FrameInfo frameInfo(Simulation sim) {
        return new TrajectoryReader.FrameInfo(sim.time(), sim.eta(), sim.chargeMAhPerCm2(), sim.events());
    }

    /**
     * Saves everything the rest of the run depends on. The outputs are forced to disk first, so a checkpoint never
     * refers to rows or frames that a crash could lose.
     */
    private void writeCheckpoint(CsvWriter series, TrajectoryWriter trajectory) {
        long seriesBytes = series.sync();
        long trajectoryBytes = trajectory.sync();
        long seriesTail = CheckpointFile.tailChecksum(run.file(RunFolder.TIMESERIES), seriesBytes);
        long trajectoryTail = CheckpointFile.tailChecksum(run.file(RunFolder.TRAJECTORY), trajectoryBytes);
        double wall = wallSeconds(System.nanoTime());
        CheckpointFile.write(run.file(RunFolder.CHECKPOINT), configHash, out -> {
            out.writeUTF(checkpoints == null ? "" : checkpoints.spec());
            out.writeInt(nextRow);
            out.writeInt(nextFrame);
            out.writeLong(seriesBytes);
            out.writeLong(trajectoryBytes);
            out.writeLong(seriesTail);
            out.writeLong(trajectoryTail);
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
        long seriesTail = in.readLong();
        long trajectoryTail = in.readLong();
        int trajectoryFrames = in.readInt();
        double wallBefore = in.readDouble();
        Session session = new Session(config, run, configHash, Engines.build(config), policy, wallStart,
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
        session.seriesLength = requireUnchanged(run.file(RunFolder.TIMESERIES), seriesLength, seriesTail);
        session.trajectoryLength = requireUnchanged(run.file(RunFolder.TRAJECTORY), trajectoryLength, trajectoryTail);
        session.trajectoryFrames = trajectoryFrames;
        return session;
    }

    /** An output must still hold what it held at the checkpoint; what came after is written again. */
    private static long requireUnchanged(Path file, long length, long tailChecksum) {
        if (length < 0) {
            throw new IllegalArgumentException(file.resolveSibling(RunFolder.CHECKPOINT) + " is corrupt: it records "
                    + "a length of " + length + " bytes for " + file.getFileName());
        }
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
        if (CheckpointFile.tailChecksum(file, length) != tailChecksum) {
            throw new IllegalArgumentException(file + " is not what it was when the checkpoint was written (its "
                    + "bytes before the checkpoint's length differ): the run folder was changed and cannot be resumed");
        }
        return length;
    }

    RunExecutor.Result finish(Simulation.Stop stop) {
        double wallSeconds = wallSeconds(System.nanoTime());
        NucleationAnalysis nucleation = null;
        if (config.control().mode() == ControlConfig.Mode.GALVANOSTATIC && !Double.isNaN(sim.eta())) {
            nucleation = NucleationAnalysis.of(recorded.times(), recorded.etas(), recorded.charges(),
                    recorded.coverages());
        }
        recorded.writeIslands(run.file(RunFolder.ISLANDS), nucleation);
        Islands atPeak = nucleation == null ? null : recorded.islandsAt(nucleation.peakRow());
        Map<String, Object> summary = Summaries.of(config, sim, stop, recorded.last(), nucleation, atPeak,
                wallSeconds);
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
        return new RunExecutor.Result(run.target(), stop, summary, nucleation);
    }
}
