package org.anodekmc.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The rule that keeps the tool from destroying what it did not write. Every folder a command creates (a run, a sweep,
 * an export) gets a marker file, {@value #MARKER}, written first, naming the tool, the kind of folder and when it was
 * created. A command writes only into a folder that does not exist yet, an empty folder, or a folder whose marker is
 * of its own kind; anything else (a file, a user's folder, another kind of folder) is refused.
 */
public final class OutputFolder {
    public static final String MARKER = "anodekmc.json";
    private static final String TOOL = "anodekmc";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a folder is. */
    public enum Kind {
        RUN, SWEEP, EXPORT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** "a run folder", "an export folder". */
        String folder() {
            return (this == EXPORT ? "an " : "a ") + label() + " folder";
        }
    }

    private OutputFolder() {
    }

    /** What the marker of {@code folder} says it is; null when it has no readable marker of this tool. */
    public static Kind kindOf(Path folder) {
        Path marker = folder.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(marker.toFile());
            if (node == null || !TOOL.equals(node.path("tool").asText())) {
                return null;
            }
            for (Kind k : Kind.values()) {
                if (k.label().equals(node.path("kind").asText())) {
                    return k;
                }
            }
        } catch (IOException e) {
            // a damaged marker proves nothing
        }
        return null;
    }

    /** Writes the marker saying that {@code folder}, which this process has just created, is a folder of that kind. */
    public static void mark(Path folder, Kind kind) {
        ObjectNode node = JSON.createObjectNode()
                .put("tool", TOOL)
                .put("kind", kind.label())
                .put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        RunFolder.writeAtomically(folder.resolve(MARKER), node.toString() + "\n");
    }

    /**
     * Refuses a path that cannot name a new folder ('', '.', '..', a root) or that exists and is not a folder of
     * {@code kind} (an empty folder is taken as free).
     *
     * @throws IllegalArgumentException naming the path and what it is
     */
    public static void requireOwn(Path folder, Kind kind) {
        Path name = folder.getFileName();
        if (name == null || name.toString().isEmpty() || name.toString().equals(".")
                || name.toString().equals("..")) {
            throw new IllegalArgumentException("the output folder '" + folder + "' does not name a folder to write "
                    + "into; give a name such as results/run1");
        }
        if (!Files.exists(folder)) {
            if (Files.isSymbolicLink(folder)) {
                throw refused(folder, "is a broken symbolic link");
            }
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw refused(folder, "is a file, not " + kind.folder());
        }
        Kind found = kindOf(folder);
        if (found == kind || found == null && isEmpty(folder)) {
            return;
        }
        throw refused(folder, found != null ? "is " + found.folder() + ", not " + kind.folder()
                : "is not " + kind.folder() + " written by anodekmc (it has no " + MARKER + ")");
    }

    /**
     * Makes {@code folder} ready for a command of {@code kind}: created and marked when missing or empty, kept as it
     * is when it is already of that kind; anything else is refused.
     *
     * @return whether this call created the folder
     */
    public static boolean claim(Path folder, Kind kind) {
        requireOwn(folder, kind);
        boolean created = !Files.exists(folder);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        if (kindOf(folder) == null) {
            mark(folder, kind);
        }
        return created;
    }

    private static IllegalArgumentException refused(Path folder, String what) {
        return new IllegalArgumentException(folder + " " + what + "; choose another output folder or move it away");
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
