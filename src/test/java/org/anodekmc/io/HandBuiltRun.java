package org.anodekmc.io;

import org.anodekmc.state.Deposit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A run folder whose trajectory holds deposits laid out by hand (on any lattice, which the engine may not run yet),
 * with the config and time series of a real run, for tests of what reads run folders.
 */
public final class HandBuiltRun {
    private HandBuiltRun() {
    }

    /**
     * @param borrowFrom a finished run whose config.resolved.yaml and timeseries.csv the folder copies
     * @param angstromPerLayer the layer spacing the trajectory records, Å
     * @param frames     the deposits, one frame each, all on the same lattice and substrate
     */
    public static Path write(Path folder, Path borrowFrom, double angstromPerLayer, List<? extends Deposit> frames) {
        try {
            Files.createDirectories(folder);
            for (String file : List.of(RunFolder.CONFIG, RunFolder.TIMESERIES)) {
                Files.copy(borrowFrom.resolve(file), folder.resolve(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (TrajectoryWriter writer = new TrajectoryWriter(folder.resolve(RunFolder.TRAJECTORY), frames.get(0),
                angstromPerLayer)) {
            for (int i = 0; i < frames.size(); i++) {
                writer.write(frames.get(i), new TrajectoryReader.FrameInfo(i, 0, 0, i));
            }
        }
        return folder;
    }
}
