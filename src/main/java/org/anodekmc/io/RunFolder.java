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
 * run has finished, so an interrupted run never leaves a folder that looks complete. Both carry the marker of
 * {@link OutputFolder} from the start, and the run holds the {@link FolderLock} of NAME while it writes; a run never
 * replaces or discards a folder that is not a run of this tool, and replaces a finished run only when told to.
 */
public final class RunFolder implements AutoCloseable {
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
    private final FolderLock lock;
    private final boolean discardedStoppedRun;

    private RunFolder(Path target, Path work, FolderLock lock, boolean discardedStoppedRun) {
        this.target = target;
        this.work = work;
        this.lock = lock;
        this.discardedStoppedRun = discardedStoppedRun;
    }

    /** Whether {@code target} has a stopped run that {@code kmc resume} could continue. */
    public static boolean hasResumableRun(Path target) {
        return Files.isRegularFile(partialOf(target).resolve(CHECKPOINT));
    }

    /**
     * Starts a fresh run folder for {@code target}, discarding an earlier stopped run of that name.
     *
     * @param overwrite whether a finished run at {@code target} may be replaced when this one finishes
     * @throws IllegalArgumentException if {@code target} or its partial folder exists and is not a run folder of
     *                                  this tool, if it is a finished run and {@code overwrite} is false, or if
     *                                  another process is writing it
     */
    public static RunFolder begin(Path target, boolean overwrite) {
        OutputFolder.requireOwn(target, OutputFolder.Kind.RUN);
        FolderLock lock = FolderLock.acquire(target, "kmc run");
        try {
            Path work = partialOf(target);
            OutputFolder.requireOwn(work, OutputFolder.Kind.RUN);
            if (!overwrite && OutputFolder.kindOf(target) == OutputFolder.Kind.RUN) {
                throw new IllegalArgumentException(target + " holds a finished run; give --overwrite to replace it, "
                        + "or choose another output folder");
            }
            boolean stopped = Files.isRegularFile(work.resolve(CHECKPOINT));
            deleteTree(work);
            Files.createDirectories(work);
            OutputFolder.mark(work, OutputFolder.Kind.RUN);
            return new RunFolder(target, work, lock, stopped);
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("cannot create run folder " + partialOf(target) + ": " + e.getMessage(),
                    e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
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
        if (named.getFileName() == null) {
            throw new IllegalArgumentException("no interrupted run at " + folder + " (a file system root)");
        }
        String name = named.getFileName().toString();
        Path target = name.endsWith(PARTIAL_SUFFIX)
                ? named.resolveSibling(name.substring(0, name.length() - PARTIAL_SUFFIX.length())) : named;
        Path work = partialOf(target);
        if (!Files.isDirectory(work)) {
            if (Files.isRegularFile(target.resolve(SUMMARY))) {
                throw new IllegalArgumentException(folder + " is a finished run: there is nothing to resume");
            }
            throw new IllegalArgumentException("no interrupted run at " + folder + " (there is no " + work + ")");
        }
        return new RunFolder(target, work, FolderLock.acquire(target, "kmc resume"), false);
    }

    private static Path partialOf(Path target) {
        return target.resolveSibling(target.getFileName() + PARTIAL_SUFFIX);
    }

    /** Whether starting this folder discarded a stopped run that {@code kmc resume} could have continued. */
    public boolean discardedStoppedRun() {
        return discardedStoppedRun;
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

    /**
     * Renames the finished run to its final name, without its checkpoint. A finished run already there is replaced
     * (it was allowed when this run began, or this is the resumed continuation of such a run); anything else there
     * stops the commit, and the complete run stays in the partial folder.
     */
    public void commit() {
        try {
            OutputFolder.requireOwn(target, OutputFolder.Kind.RUN);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the run is complete in " + work + " but cannot be renamed: "
                    + e.getMessage());
        }
        try {
            Path aside = null;
            if (Files.exists(target)) {
                aside = Files.createTempDirectory(target.toAbsolutePath().getParent(), target.getFileName() + ".old");
                Files.move(target, aside.resolve(target.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            if (aside != null) {
                deleteTree(aside);
            }
            // removed only now: until the rename, a crash leaves a partial folder that can still be resumed
            Files.deleteIfExists(target.resolve(CHECKPOINT));
            Files.deleteIfExists(CheckpointFile.temporary(target.resolve(CHECKPOINT)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish run folder " + target, e);
        }
    }

    /** Releases the folder for other writers. */
    @Override
    public void close() {
        lock.close();
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
