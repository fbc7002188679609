package org.anodekmc.run;

import org.anodekmc.io.RunFolder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Compares two finished run folders. */
public final class SameRun {
    private SameRun() {
    }

    /** The outputs agree byte for byte, the summary apart from its wall-clock fields; no checkpoint is left. */
    public static void assertSameRun(Path expected, Path actual) throws IOException {
        for (String f : List.of(RunFolder.CONFIG, RunFolder.TIMESERIES, RunFolder.TRAJECTORY, RunFolder.ISLANDS)) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
        }
        assertEquals(summaryWithoutWallClock(expected), summaryWithoutWallClock(actual));
        assertFalse(Files.exists(actual.resolve(RunFolder.CHECKPOINT)), "a finished run keeps no checkpoint");
        assertFalse(Files.exists(partial(actual)), "no partial folder is left");
    }

    public static ObjectNode summaryWithoutWallClock(Path run) throws IOException {
        ObjectNode s = (ObjectNode) new ObjectMapper().readTree(run.resolve(RunFolder.SUMMARY).toFile());
        s.remove(List.of("wall_s", "eventsPerSecond"));
        return s;
    }

    public static Path partial(Path run) {
        return run.resolveSibling(run.getFileName() + RunFolder.PARTIAL_SUFFIX);
    }
}
