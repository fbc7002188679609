package org.anodekmc.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * A checkpoint file (big-endian): the magic "AKMCCKP1", the format version, the SHA-256 of the run's
 * config.resolved.yaml, the body, and a CRC-32C of everything before it. It is written under a temporary name,
 * forced to disk and renamed over the previous one, so a crash while writing leaves the previous checkpoint whole; a
 * truncated or damaged file fails the checksum and is refused.
 */
public final class CheckpointFile {
    static final long MAGIC = 0x414B4D43434B5031L; // "AKMCCKP1"
    static final int VERSION = 5;
    private static final int HASH_BYTES = 32;
    private static final int HEADER_BYTES = 8 + 4 + HASH_BYTES;
    private static final int TAIL_BYTES = 1 << 16;

    /** Writes the body of a checkpoint. */
    public interface Body {
        void write(DataOutput out) throws IOException;
    }

    /** Reads the body of a checkpoint. */
    public interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private CheckpointFile() {
    }

    /**
     * CRC-32C of the last bytes (up to 64 KiB) of an output's first {@code length} bytes: kept with its length, so a
     * resume notices an output that was swapped or rewritten, not only one that was cut short.
     */
    public static long tailChecksum(Path file, long length) {
        int tail = (int) Math.min(length, TAIL_BYTES);
        ByteBuffer bytes = ByteBuffer.allocate(tail);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, length - tail + bytes.position()) < 0) {
                    throw new IllegalArgumentException(file + " is shorter than when the checkpoint was written");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes.flip());
        return crc.getValue();
    }

    public static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    public static void write(Path file, byte[] configHash, Body body) {
        Path tmp = temporary(file);
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            CRC32C crc = new CRC32C();
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new CheckedOutputStream(Channels.newOutputStream(channel), crc), 1 << 16));
            out.writeLong(MAGIC);
            out.writeInt(VERSION);
            out.write(configHash);
            body.write(out);
            out.flush();
            out.writeLong(crc.getValue());
            out.flush();
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + tmp, e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    /**
     * Checks a checkpoint whole (format, checksum, config) before reading its body.
     *
     * @throws IllegalArgumentException with a message for the user if the file is missing, truncated, damaged, of
     *                                  another format, or written for another config
     */
    public static <T> T read(Path file, byte[] configHash, Reader<T> reader) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no checkpoint in " + file.getParent() + ": the run stopped before it "
                    + "wrote one (start runs with --checkpoint-every to get periodic checkpoints)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            try (DataInputStream in = open(file)) {
                checkFormat(file, in);
            }
            if (size < HEADER_BYTES + 8) {
                throw corrupt(file, "it is only " + size + " bytes long");
            }
            verifyChecksum(file, size);
            try (DataInputStream in = open(file)) {
                checkFormat(file, in);
                checkConfig(file, in, configHash);
                T body = reader.read(in);
                in.readLong(); // the checksum: reaching it exactly proves the body ended where it was written to
                if (in.read() != -1) {
                    throw corrupt(file, "data after the checksum");
                }
                return body;
            }
        } catch (EOFException e) {
            throw corrupt(file, "it ends early");
        } catch (IOException e) {
            throw new IllegalArgumentException("checkpoint " + file + " does not fit this run: " + e.getMessage());
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    private static void verifyChecksum(Path file, long size) throws IOException {
        CRC32C crc = new CRC32C();
        try (InputStream raw = Files.newInputStream(file)) {
            CheckedInputStream checked = new CheckedInputStream(raw, crc);
            byte[] buffer = new byte[1 << 16];
            for (long remaining = size - 8; remaining > 0; ) {
                int n = checked.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new EOFException();
                }
                remaining -= n;
            }
            long computed = crc.getValue();
            if (new DataInputStream(raw).readLong() != computed) {
                throw corrupt(file, "its checksum does not match");
            }
        }
    }

    private static void checkFormat(Path file, DataInputStream in) throws IOException {
        if (in.readLong() != MAGIC) {
            throw new IllegalArgumentException(file + " is not an anodekmc checkpoint");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IllegalArgumentException("checkpoint " + file + " has format version " + version
                    + "; this build of anodekmc reads version " + VERSION);
        }
    }

    private static void checkConfig(Path file, DataInputStream in, byte[] configHash) throws IOException {
        byte[] stored = new byte[HASH_BYTES];
        in.readFully(stored);
        if (!Arrays.equals(stored, configHash)) {
            throw new IllegalArgumentException(RunFolder.CONFIG + " in " + file.getParent() + " changed after the "
                    + "checkpoint was written; a resumed run must keep the config it started with (restore the file, "
                    + "or start over with kmc run)");
        }
    }

    private static IllegalArgumentException corrupt(Path file, String why) {
        return new IllegalArgumentException("checkpoint " + file + " is truncated or corrupt (" + why + "); it cannot "
                + "be resumed");
    }

    /** SHA-256 of a file's bytes. */
    public static byte[] hash(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Makes a rename in {@code directory} durable (a no-op where directories cannot be opened, as on Windows). */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // the rename itself has happened; only its durability across a power cut is not guaranteed here
        }
    }
}
