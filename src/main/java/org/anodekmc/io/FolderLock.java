package org.anodekmc.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One writer per output folder: an OS lock on the file {@code FOLDER.lock} beside the folder, held while a command
 * writes. The operating system releases it when the process ends however it ends, so {@code kill -9} leaves no stale
 * lock; the file names the holder (PID, start time, command) for the message a second writer gets. The file is
 * deleted before the lock is released, and a writer that locked a file which was deleted meanwhile tries again.
 */
public final class FolderLock implements AutoCloseable {
    /** Another process holds the lock: bad input for the command (exit 2), but never a reason to start a run over. */
    public static final class Busy extends IllegalArgumentException {
        Busy(String message) {
            super(message);
        }
    }

    public static final String SUFFIX = ".lock";
    private static final String HEADER = "anodekmc lock: ";
    private static final int ATTEMPTS = 20;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code folder}. */
    public static Path fileOf(Path folder) {
        return folder.resolveSibling(folder.getFileName() + SUFFIX);
    }

    /**
     * Takes the lock of {@code folder} for {@code command} (e.g. "kmc run").
     *
     * @throws IllegalArgumentException if another process (or another command in this one) holds it, naming the
     *                                  holder, or if the lock file's name is taken by a file that is not a lock
     */
    public static FolderLock acquire(Path folder, String command) {
        Path file = fileOf(folder);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                FolderLock taken = tryOnce(folder, file, command);
                if (taken != null) {
                    return taken;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + folder + " (" + file + "): " + e.getMessage(), e);
        }
        throw new IllegalStateException("cannot lock " + folder + ": " + file + " keeps being replaced");
    }

    /** The lock, or null when the file was replaced while it was being locked (try again). */
    private static FolderLock tryOnce(Path folder, Path file, String command) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                && isLockFile(file))) {
            throw new IllegalArgumentException(file + " exists and is not an anodekmc lock file; it is in the way "
                    + "of writing " + folder + ": move it away or choose another output folder");
        }
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // another writer's, or a stale one left by a killed process: the lock decides
        }
        Object before = key(file);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return null; // its holder has just deleted it
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another command of this process
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new Busy(folder + " is being written by another kmc process (" + holder(file)
                    + "); wait for it to end or stop it");
        }
        // a holder deletes the file before releasing it: the file locked here may be a deleted one
        if (before == null || !before.equals(key(file))) {
            lock.release();
            channel.close();
            return null;
        }
        String instant = ProcessHandle.current().info().startInstant()
                .map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("unknown");
        byte[] text = (HEADER + "PID " + ProcessHandle.current().pid() + ", started " + instant + ", " + command
                + "\n").getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text), 0);
        channel.force(false);
        return new FolderLock(file, channel, lock);
    }

    private static boolean isLockFile(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return true; // a writer that has just created it
        }
        if (size > 4096) {
            return false;
        }
        return Files.readString(file, StandardCharsets.ISO_8859_1).startsWith(HEADER);
    }

    /** Who holds the lock, as its file says. */
    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.startsWith(HEADER)) {
                return text.substring(HEADER.length());
            }
        } catch (IOException e) {
            // the holder has just finished, or has not written its name yet
        }
        return "holder unknown, see " + file;
    }

    private static Object key(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            // without inode numbers (not on Linux), the creation time tells a replaced file apart
            return Objects.requireNonNullElse(a.fileKey(), a.creationTime());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Deletes the lock file, then releases the lock; once. */
    @Override
    public void close() {
        if (!lock.isValid()) {
            return; // released already: the file may be another writer's by now
        }
        try {
            Files.deleteIfExists(file);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock " + file, e);
        }
    }
}
