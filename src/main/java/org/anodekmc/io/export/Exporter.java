package org.anodekmc.io.export;

import org.anodekmc.io.FolderLock;
import org.anodekmc.io.OutputFolder;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Exports the deposit of a run folder for OVITO or ParaView: substrate sites (single-atom sites as their own species)
 * and metal atoms, in the frames asked for. Files are named after the run folder and written all-or-nothing, into a
 * folder marked as an export ({@link OutputFolder}) and locked while they are written ({@link FolderLock}).
 */
public final class Exporter {
    /** Default output folder, inside the run folder. */
    public static final String DEFAULT_FOLDER = "export";

    /** Told after each frame. */
    public interface Progress {
        void framesDone(int done, int total);
    }

    /**
     * What was written.
     *
     * @param main    the file to open in OVITO or ParaView (.xyz, .lammpstrj or .pvd)
     * @param species species names by code (0 empty, 1 metal, 2 host, 3 + k single-atom species k)
     * @param warnings damage of the run that still let it be read (a trajectory cut off inside a frame)
     */
    public record Result(Path main, List<Path> files, int[] frames, int sizeX, int sizeY, int sizeZ,
                         double latticeConstant, List<String> species, List<String> warnings) {
    }

    private Exporter() {
    }

    /**
     * @param out      output folder, created if needed; null for RUN/export
     * @param progress may be null
     */
    public static Result export(Path run, ExportFormat format, FrameSelection selection, Path out,
                                Progress progress) {
        try (RunDeposit deposit = RunDeposit.open(run)) {
            int[] frames = selection.resolve(deposit.frames());
            Path dir = out != null ? out : run.resolve(DEFAULT_FOLDER);
            OutputFolder.requireOwn(dir, OutputFolder.Kind.EXPORT);
            try (FolderLock lock = FolderLock.acquire(dir, "kmc export")) {
                return write(deposit, format, frames, dir, progress);
            }
        }
    }

    /** Writes the export into {@code dir}, which this process has locked. */
    private static Result write(RunDeposit deposit, ExportFormat format, int[] frames, Path dir, Progress progress) {
        boolean created = OutputFolder.claim(dir, OutputFolder.Kind.EXPORT);
        IntConsumer done = n -> {
            if (progress != null) {
                progress.framesDone(n, frames.length);
            }
        };
        StagedFiles files = new StagedFiles();
        Path main;
        try {
            main = write(deposit, format, frames, dir, files, done);
        } catch (IOException e) {
            abandon(files, dir, created);
            throw new UncheckedIOException("cannot write the export to " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            abandon(files, dir, created);
            throw e;
        }
        List<String> species = new ArrayList<>();
        for (int code = 0; code < deposit.speciesCount(); code++) {
            species.add(deposit.name(code));
        }
        return new Result(main, files.commit(), frames, deposit.sizeX(), deposit.sizeY(), deposit.sizeZ(),
                deposit.latticeConstant(), species, deposit.warnings());
    }

    /** Removes the staged files, and the output folder if this export created it and it holds nothing else. */
    private static void abandon(StagedFiles files, Path dir, boolean created) {
        files.discard();
        if (created) {
            try {
                Files.deleteIfExists(dir.resolve(OutputFolder.MARKER));
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // not empty: leave it
            }
        }
    }

    /** @return the main file */
    private static Path write(RunDeposit deposit, ExportFormat format, int[] frames, Path dir, StagedFiles files,
                              IntConsumer progress) throws IOException {
        String base = deposit.runName();
        switch (format) {
            case EXTXYZ -> {
                Path file = dir.resolve(base + ".xyz");
                try (BufferedWriter w = files.open(file)) {
                    ExtxyzWriter.write(deposit, frames, w, progress);
                }
                return file;
            }
            case LAMMPS -> {
                Path file = dir.resolve(base + ".lammpstrj");
                try (BufferedWriter w = files.open(file)) {
                    LammpsDumpWriter.write(deposit, frames, w, progress);
                }
                return file;
            }
            case VTI -> {
                return VtiWriter.write(deposit, frames, dir, files, progress);
            }
            default -> throw new AssertionError(format);
        }
    }
}
