package org.anodekmc.io.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of one export, written under temporary names (NAME.tmp) and renamed only when all of them are complete,
 * so a failed or interrupted export leaves no file that looks whole.
 */
final class StagedFiles {
    private final List<Path> targets = new ArrayList<>();

    /** A writer for {@code target}; its content appears under that name only on {@link #commit()}. */
    BufferedWriter open(Path target) {
        Path tmp = temporary(target);
        targets.add(target);
        try {
            return Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tmp, e);
        }
    }

    /** Renames every staged file to its final name, replacing older files of that name. */
    List<Path> commit() {
        try {
            for (Path target : targets) {
                Files.move(temporary(target), target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            discard();
            throw new UncheckedIOException("cannot finish the export: " + e.getMessage(), e);
        }
        return List.copyOf(targets);
    }

    /** Deletes every staged file that was not committed. */
    void discard() {
        for (Path target : targets) {
            try {
                Files.deleteIfExists(temporary(target));
            } catch (IOException ignored) {
                // best effort: a leftover .tmp never looks like a finished file
            }
        }
    }

    private static Path temporary(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp");
    }
}
