package org.anodekmc.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A run folder is written under a temporary name ({@code NAME.partial}) and renamed to its final name only when the
 * run has finished, so an interrupted run never leaves a folder that looks complete.
 */
public final class RunFolder {
    public static final String PARTIAL_SUFFIX = ".partial";
    public static final String CONFIG = "config.resolved.yaml";
    public static final String TIMESERIES = "timeseries.csv";
    public static final String SUMMARY = "summary.json";
    public static final String ISLANDS = "islands.csv";
    public static final String TRAJECTORY = "trajectory.bin";
    /** Per-cycle results of a cycling run. */
    public static final String CYCLES = "cycles.csv";
    /** The state an interrupted run resumes from; only in the partial folder. */
    public static final String CHECKPOINT = "checkpoint.bin";

    private final Path target;
    private final Path work;

    private RunFolder(Path target, Path work) {
        this.target = target;
        this.work = work;
    }

    /** Whether {@code target} has a stopped run that {@code kmc resume} could continue. */
    public static boolean hasResumableRun(Path target) {
        return Files.isRegularFile(target.resolveSibling(target.getFileName() + PARTIAL_SUFFIX).resolve(CHECKPOINT));
    }

    /** Starts a fresh run folder for {@code target}, discarding any earlier partial one. */
    public static RunFolder begin(Path target) {
        Path work = target.resolveSibling(target.getFileName() + PARTIAL_SUFFIX);
        try {
            deleteTree(work);
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + work, e);
        }
        return new RunFolder(target, work);
    }

    /**
     * The partial folder of an interrupted run, to continue it.
     *
     * @param folder the run (RUN) or its partial folder (RUN.partial)
     */
    public static RunFolder reopen(Path folder) {
        Path named = folder.normalize();
        if (named.getFileName() == null || named.getFileName().toString().isEmpty()
                || named.getFileName().toString().equals("..")) {
            named = folder.toAbsolutePath().normalize();
        }
        String name = named.getFileName().toString();
        Path target = name.endsWith(PARTIAL_SUFFIX)
                ? named.resolveSibling(name.substring(0, name.length() - PARTIAL_SUFFIX.length())) : named;
        Path work = target.resolveSibling(target.getFileName() + PARTIAL_SUFFIX);
        if (!Files.isDirectory(work)) {
            if (Files.isRegularFile(target.resolve(SUMMARY))) {
                throw new IllegalArgumentException(folder + " is a finished run: there is nothing to resume");
            }
            throw new IllegalArgumentException("no interrupted run at " + folder + " (there is no " + work + ")");
        }
        return new RunFolder(target, work);
    }

    /** Where files go while the run is in progress. */
    public Path file(String name) {
        return work.resolve(name);
    }

    public Path target() {
        return target;
    }

    /** The folder that holds the run while it is in progress. */
    public Path partial() {
        return work;
    }

    /** Replaces any earlier folder of that name with the finished one, without the finished run's checkpoint. */
    public void commit() {
        try {
            Path old = target.resolveSibling(target.getFileName() + ".old");
            deleteTree(old);
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
            // removed only now: until the rename, a crash leaves a partial folder that can still be resumed
            Files.deleteIfExists(target.resolve(CHECKPOINT));
            Files.deleteIfExists(CheckpointFile.temporary(target.resolve(CHECKPOINT)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish run folder " + target, e);
        }
    }

    /** Writes a whole file through a temporary name, so readers never see half of it. */
    public static void writeAtomically(Path file, String content) {
        writeAtomically(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a whole file through a temporary name, so readers never see half of it. */
    public static void writeAtomically(Path file, byte[] content) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
