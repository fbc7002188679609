package org.anodekmc.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.anodekmc.config.ConfigException;
import org.anodekmc.config.ConfigLoader;

import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A finished run folder opened for reading: its trajectory (frames decoded lazily), its time series and its resolved
 * config. Opening checks the folder and says plainly what is wrong with it (missing, unfinished, not a run, corrupt).
 */
public final class RunReader implements Closeable {
    private final Path folder;
    private final TrajectoryReader trajectory;
    private final TimeSeriesReader.TimeSeries timeSeries;
    private final TimeSeriesReader.TimeSeries cycles;
    private final JsonNode config;
    private final List<String> warnings;

    private RunReader(Path folder, TrajectoryReader trajectory, TimeSeriesReader.TimeSeries timeSeries,
                      TimeSeriesReader.TimeSeries cycles, JsonNode config, List<String> warnings) {
        this.warnings = List.copyOf(warnings);
        this.folder = folder;
        this.trajectory = trajectory;
        this.timeSeries = timeSeries;
        this.cycles = cycles;
        this.config = config;
    }

    /** Opens {@code folder}; an IllegalArgumentException says why it cannot be read. */
    public static RunReader open(Path folder) {
        if (!Files.isDirectory(folder)) {
            Path partial = folder.resolveSibling(folder.getFileName() + RunFolder.PARTIAL_SUFFIX);
            if (Files.isDirectory(partial)) {
                throw new IllegalArgumentException(folder + " is not finished yet (only " + partial.getFileName()
                        + " exists: the run is still going or was interrupted)");
            }
            throw new IllegalArgumentException(Files.exists(folder) ? folder + " is a file, not a run folder"
                    : "no run folder " + folder);
        }
        if (folder.getFileName() != null && folder.getFileName().toString().endsWith(RunFolder.PARTIAL_SUFFIX)) {
            throw new IllegalArgumentException(folder + " is an unfinished run (the run is still going or was "
                    + "interrupted)");
        }
        Path trajectoryFile = folder.resolve(RunFolder.TRAJECTORY);
        if (!Files.isRegularFile(trajectoryFile)) {
            throw new IllegalArgumentException(folder + " is not a run folder (it has no " + RunFolder.TRAJECTORY
                    + ")");
        }
        TimeSeriesReader.TimeSeries series = TimeSeriesReader.read(folder.resolve(RunFolder.TIMESERIES));
        Path cyclesFile = folder.resolve(RunFolder.CYCLES);
        TimeSeriesReader.TimeSeries cycles = Files.isRegularFile(cyclesFile) ? TimeSeriesReader.read(cyclesFile) : null;
        JsonNode config = readConfig(folder.resolve(RunFolder.CONFIG));
        TrajectoryReader trajectory = new TrajectoryReader(trajectoryFile);
        if (trajectory.frames() == 0) {
            trajectory.close();
            throw new IllegalArgumentException(trajectory.damage() != null ? trajectory.damage() + "; no whole frame "
                    + "is left" : trajectoryFile + " holds no frames (the run had output.frames: 0)");
        }
        List<String> warnings = new ArrayList<>();
        if (trajectory.damage() != null) {
            int written = config.path("output").path("frames").asInt(-1) + 1;
            int lost = Math.max(1, written - trajectory.frames());
            warnings.add(String.format(Locale.ROOT, "%s; read its %d whole frame(s), %d frame(s) lost",
                    trajectory.damage(), trajectory.frames(), lost));
        }
        return new RunReader(folder, trajectory, series, cycles, config, warnings);
    }

    private static JsonNode readConfig(Path file) {
        if (!Files.isRegularFile(file)) {
            return MissingNode.getInstance();
        }
        try {
            return ConfigLoader.readTree(file);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(file + " is unreadable: " + e.getMessage());
        }
    }

    /** Damage that still let the run be read, such as a trajectory cut off inside its last frame. */
    public List<String> warnings() {
        return warnings;
    }

    public Path folder() {
        return folder;
    }

    public TrajectoryReader trajectory() {
        return trajectory;
    }

    public TimeSeriesReader.TimeSeries timeSeries() {
        return timeSeries;
    }

    /** One row per completed cycle (cycles.csv), or empty when the run did not cycle. */
    public Optional<TimeSeriesReader.TimeSeries> cycles() {
        return Optional.ofNullable(cycles);
    }

    /** The resolved config as a tree (a missing node when the folder has none). */
    public JsonNode config() {
        return config;
    }

    @Override
    public void close() {
        trajectory.close();
    }
}
