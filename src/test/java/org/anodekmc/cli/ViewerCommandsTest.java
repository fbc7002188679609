package org.anodekmc.cli;

import org.anodekmc.ConsoleCapture;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.anodekmc.io.RunFolder;
import org.anodekmc.viewer.FxTesting;
import org.anodekmc.viewer.TestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** kmc render and kmc view from the command line: pictures without a display, and plain messages for bad input. */
class ViewerCommandsTest {
    @TempDir
    Path tmp;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err;
    private final ByteArrayOutputStream out = console.out;

    @Test
    void renderDrawsTheFirstAndLastFramesDifferently() throws IOException {
        String run = TestRuns.plating().toString();
        Path first = tmp.resolve("first.png");
        Path last = tmp.resolve("last.png");
        assertEquals(0, Main.execute("render", run, "--frame", "0", "--out", first.toString(), "--size", "900x600"),
                err.toString());
        assertEquals(0, Main.execute("render", run, "--out", last.toString(), "--size", "900x600"), err.toString());
        BufferedImage a = FxTesting.read(first);
        BufferedImage b = FxTesting.read(last);
        assertEquals(900, a.getWidth());
        assertEquals(600, a.getHeight());
        assertTrue(FxTesting.colours(a) > 20 && FxTesting.colours(b) > 20, "not blank");
        double differ = FxTesting.difference(a, b);
        assertTrue(differ > 0.02, "first and last frame differ in " + differ + " of the pixels");
        assertFalse(Files.exists(tmp.resolve("first.png.tmp")));
    }

    @Test
    void renderCanPlotAgainstCapacity() throws IOException {
        Path time = tmp.resolve("time.png");
        Path capacity = tmp.resolve("capacity.png");
        String run = TestRuns.plating().toString();
        assertEquals(0, Main.execute("render", run, "--out", time.toString(), "--size", "900x600"));
        assertEquals(0, Main.execute("render", run, "--out", capacity.toString(), "--size", "900x600",
                "--capacity"));
        assertTrue(FxTesting.difference(FxTesting.read(time), FxTesting.read(capacity)) > 0.001,
                "the charts' axis changed");
    }

    @Test
    void badRunFoldersAndOptionsGetOneClearMessage() throws IOException {
        Path png = tmp.resolve("x.png");
        String plating = TestRuns.plating().toString();
        Path corrupt = Files.createDirectories(tmp.resolve("corrupt"));
        Files.writeString(corrupt.resolve(RunFolder.TRAJECTORY), "garbage".repeat(20));
        Files.writeString(corrupt.resolve(RunFolder.TIMESERIES), "time_s\n0\n");
        String[][] cases = {
                {"no run folder", "render", tmp.resolve("missing").toString(), "--out", png.toString()},
                {"not an anodekmc trajectory", "render", corrupt.toString(), "--out", png.toString()},
                {"--frame 99", "render", plating, "--frame", "99", "--out", png.toString()},
                {"--frame -1", "render", plating, "--frame", "-1", "--out", png.toString()},
                {"must end in .png", "render", plating, "--out", tmp.resolve("x.jpg").toString()},
                {"WIDTHxHEIGHT", "render", plating, "--size", "big", "--out", png.toString()},
                {"--size 10x10", "render", plating, "--size", "10x10", "--out", png.toString()},
                {"--out", "render", plating},
                {"no run folder", "view", tmp.resolve("missing").toString()},
                {"is not a run folder", "view", tmp.toString()},
        };
        for (String[] c : cases) {
            err.reset();
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            int code = Main.execute(args);
            String message = err.toString();
            assertEquals(2, code, String.join(" ", args) + ": " + message);
            assertTrue(message.contains(c[0]), String.join(" ", args) + ": " + message);
            assertFalse(message.contains("Exception") || message.contains("\tat "), message);
        }
        assertFalse(Files.exists(png), "nothing written");
    }

    @Test
    void viewWithoutADisplaySaysSoAndPointsToRender() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"));
        assumeTrue(System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null,
                "a display is available");
        int code = Main.execute("view", TestRuns.plating().toString());
        String message = err.toString();
        assertEquals(1, code, message);
        assertTrue(message.contains("needs a display") && message.contains("kmc render"), message);
        assertEquals(1, message.strip().lines().count(), message);
    }
}
