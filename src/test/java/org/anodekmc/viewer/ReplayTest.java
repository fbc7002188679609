package org.anodekmc.viewer;

import org.anodekmc.io.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayTest {
    @TempDir
    Path tmp;

    @Test
    void colourScaleEndsAtTheHighestDepositOfTheRun() {
        try (Replay replay = Replay.open(TestRuns.plating())) {
            int highest = 0;
            for (int f = 0; f < replay.frames(); f++) {
                highest = Math.max(highest, replay.heights(f).max());
            }
            assertEquals(highest, replay.colourTop());
        }
    }

    @Test
    void titleNamesTheRunItsMaterialsAndTheSitesAsPlaced() {
        try (Replay replay = Replay.open(TestRuns.plating())) {
            int sites = 0;
            for (int c = 0; c < replay.sizeX() * replay.sizeY(); c++) {
                sites += replay.isSite(c) ? 1 : 0;
            }
            String fraction = String.format(java.util.Locale.ROOT, "%.2g%% of sites", 100.0 * sites / (24 * 24));
            assertTrue(replay.title().startsWith("plating: M on H with S ("), replay.title());
            assertTrue(replay.title().contains(fraction), replay.title() + " should say " + fraction);
            assertTrue(replay.title().contains("24×24×10"), replay.title());
        }
    }

    @Test
    void missingUnfinishedAndForeignFoldersAreNamedPlainly() throws IOException {
        assertMessage("no run folder", tmp.resolve("nowhere"));
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        assertMessage("is a file, not a run folder", file);
        Files.createDirectories(tmp.resolve("busy" + RunFolder.PARTIAL_SUFFIX));
        assertMessage("is not finished yet", tmp.resolve("busy"));
        assertMessage("is an unfinished run", tmp.resolve("busy" + RunFolder.PARTIAL_SUFFIX));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertMessage("is not a run folder (it has no trajectory.bin)", empty);
    }

    @Test
    void corruptFilesAreNamedPlainly() throws IOException {
        Path garbage = copyOfPlating("garbage");
        Files.writeString(garbage.resolve(RunFolder.TRAJECTORY), "not a trajectory, just some text ".repeat(4));
        assertMessage("is not an anodekmc trajectory file", garbage);

        Path cut = copyOfPlating("cut");
        byte[] bytes = Files.readAllBytes(cut.resolve(RunFolder.TRAJECTORY));
        Files.write(cut.resolve(RunFolder.TRAJECTORY), Arrays.copyOf(bytes, 20));
        assertMessage("is truncated or corrupt", cut);

        Path series = copyOfPlating("series");
        Path csv = series.resolve(RunFolder.TIMESERIES);
        Files.writeString(csv, Files.readString(csv) + "0.5,oops\n");
        assertMessage("line", series);
    }

    @Test
    void aFrameCutShortByAnInterruptedWriteIsLeftOut() throws IOException {
        Path cut = copyOfPlating("lastcut");
        Path file = cut.resolve(RunFolder.TRAJECTORY);
        byte[] bytes = Files.readAllBytes(file);
        int frames;
        try (Replay whole = Replay.open(TestRuns.plating())) {
            frames = whole.frames();
        }
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
        try (Replay replay = Replay.open(cut)) {
            assertEquals(frames - 1, replay.frames());
        }
    }

    private Path copyOfPlating(String name) throws IOException {
        Path copy = Files.createDirectories(tmp.resolve(name));
        try (var files = Files.list(TestRuns.plating())) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private static void assertMessage(String expected, Path folder) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Replay.open(folder).close());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
