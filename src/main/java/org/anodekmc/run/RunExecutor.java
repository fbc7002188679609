package org.anodekmc.run;

import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.engine.MemoryEstimate;
import org.anodekmc.engine.Simulation;
import org.anodekmc.io.CheckpointFile;
import org.anodekmc.io.CsvWriter;
import org.anodekmc.io.RunFolder;
import org.anodekmc.io.TrajectoryWriter;
import org.anodekmc.observe.NucleationAnalysis;
import org.anodekmc.observe.Sample;

import java.io.IOException;
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
     * Begins a run folder for {@code config} once it is known to fit in memory and into bands for its threads, so
     * that a box too large for the heap or too narrow for its threads writes nothing (see {@link RunFolder#begin}).
     */
    public static RunFolder begin(SimulationConfig config, Path folder, boolean overwrite) {
        MemoryEstimate.requireFits(config, Runtime.getRuntime().maxMemory());
        Simulation.requireBands(config);
        return RunFolder.begin(folder, overwrite);
    }

    /** Runs into {@code run}, begun by the caller, who closes it. */
    public static Result run(SimulationConfig config, RunFolder run, Options options, Consumer<Progress> progress) {
        String yaml = ConfigLoader.toYaml(config);
        RunFolder.writeAtomically(run.file(RunFolder.CONFIG), yaml);
        long wallStart = System.nanoTime();
        Simulation sim = Engines.build(config);
        Session session = new Session(config, run, CheckpointFile.hash(yaml.getBytes(StandardCharsets.UTF_8)), sim,
                options.checkpoints(), wallStart, 0);
        Simulation.Stop stop;
        try (CsvWriter series = new CsvWriter(run.file(RunFolder.TIMESERIES), Sample.COLUMNS);
             TrajectoryWriter trajectory = new TrajectoryWriter(run.file(RunFolder.TRAJECTORY), sim,
                     sim.rates().latticeConstant())) {
            session.recorded.add(Sample.of(sim, null), series);
            if (session.frames > 0) {
                trajectory.write(sim, Session.frameInfo(sim));
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
}
