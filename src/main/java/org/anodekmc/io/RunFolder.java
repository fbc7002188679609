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

    private final Path target;
    private final Path work;

    private RunFolder(Path target, Path work) {
        this.target = target;
        this.work = work;
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

    /** Where files go while the run is in progress. */
    public Path file(String name) {
        return work.resolve(name);
    }

    public Path target() {
        return target;
    }

    /** Replaces any earlier folder of that name with the finished one. */
    public void commit() {
        try {
            Path old = target.resolveSibling(target.getFileName() + ".old");
            deleteTree(old);
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
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
