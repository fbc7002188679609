package org.anodekmc.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Output files that a resumed run continues: opened at a given length, and forced to disk for checkpoints. */
final class OutputFiles {
    private OutputFiles() {
    }

    /** Opens {@code file} for writing after its first {@code keep} bytes (0: a new, empty file). */
    static FileChannel openAt(Path file, long keep) {
        try {
            FileChannel channel = keep == 0
                    ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)
                    : FileChannel.open(file, StandardOpenOption.WRITE);
            if (channel.size() < keep) {
                channel.close();
                throw new IllegalArgumentException(file + " is shorter than when the checkpoint was written");
            }
            channel.truncate(keep);
            channel.position(keep);
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Forces what was written to disk; returns the file's length. */
    static long force(FileChannel channel) {
        try {
            channel.force(false);
            return channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write output", e);
        }
    }
}
