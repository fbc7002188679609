package org.anodekmc.cli;

import org.anodekmc.ConsoleCapture;
import org.anodekmc.io.RunFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every reader of a run folder says what is damaged (exit 2), never draws a damaged frame, and keeps whole frames. */
class DamagedFilesTest {
    /** Header of trajectory.bin: magic, four sizes, lattice constant (then the lattice type and a byte per column). */
    private static final int HEADER = 8 + 4 * 4 + 8;
    /** Header of a frame: mark, time, η, charge, events, length. */
    private static final int FRAME_HEAD = 4 + 8 * 3 + 8 + 4;
    private static final int FRAMES = 4;

    @TempDir
    Path tmp;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err;
    private final ByteArrayOutputStream out = console.out;
    private Path run;
    private Path trajectory;

    @BeforeEach
    void makeRun() throws IOException {
        Path config = tmp.resolve("c.yaml");
        Files.writeString(config, """
                lattice: {type: simple-cubic, size: [16, 16, 8]}
                metal: Li
                substrate: {host: Cu}
                stop: {events: 3000}
                output: {rows: 8, frames: %d}
                """.formatted(FRAMES));
        run = tmp.resolve("run");
        assertEquals(0, Main.execute("run", config.toString(), "--out", run.toString(), "-q"), err.toString());
        trajectory = run.resolve(RunFolder.TRAJECTORY);
        err.reset();
        out.reset();
    }

    /** Where each frame's header starts. */
    private List<Long> frameStarts() throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(trajectory));
        long position = HEADER + 1 + b.get(HEADER) + (long) b.getInt(8) * b.getInt(12);
        List<Long> starts = new ArrayList<>();
        while (position < b.capacity()) {
            starts.add(position);
            position += FRAME_HEAD + b.getInt((int) position + FRAME_HEAD - 4);
        }
        assertEquals(FRAMES + 1, starts.size(), "the initial frame and one per output.frames");
        return starts;
    }

    private void overwrite(long position, byte[] bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(trajectory.toFile(), "rw")) {
            f.seek(position);
            f.write(bytes);
        }
    }

    private void assertRefused(String expected, String... args) {
        err.reset();
        int code = Main.execute(args);
        String message = err.toString();
        assertEquals(2, code, String.join(" ", args) + ": " + message);
        assertTrue(message.contains(expected), message);
        assertEquals(1, message.strip().lines().count(), "one line: " + message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), message);
    }

    @Test
    void aCorruptFrameIsRefusedNotDrawnBlank() throws IOException {
        long last = frameStarts().get(FRAMES);
        overwrite(last + FRAME_HEAD + 6, new byte[]{0x55, 0x13, 0x77, 0x21, 0x42, 0x11, 0x7f, 0x01});
        Path png = tmp.resolve("p.png");
        assertRefused("frame " + FRAMES + " is corrupt", "render", run.toString(), "--out", png.toString());
        assertFalse(Files.exists(png), "no picture");
        assertRefused("frame " + FRAMES + " is corrupt", "export", run.toString(), "--format", "extxyz", "--frames",
                "all", "--out", tmp.resolve("x").toString());
        // the frames before it are still drawn
        err.reset();
        assertEquals(0, Main.execute("render", run.toString(), "--frame", "0", "--out", png.toString(),
                "--size", "800x500"), err.toString());
    }

    @Test
    void aTrajectoryCutOffMidFrameIsReadToItsLastWholeFrameWithAWarning() throws IOException {
        long size = Files.size(trajectory);
        try (RandomAccessFile f = new RandomAccessFile(trajectory.toFile(), "rw")) {
            f.setLength(size - 10);
        }
        assertEquals(0, Main.execute("export", run.toString(), "--format", "extxyz", "--frames", "all", "--out",
                tmp.resolve("x").toString()), err.toString());
        assertTrue(out.toString().contains("exported " + FRAMES + " frame(s)"), out.toString());
        assertTrue(err.toString().contains("warning: " + trajectory + " is cut off inside frame " + FRAMES)
                && err.toString().contains("read its " + FRAMES + " whole frame(s), 1 frame(s) lost"), err.toString());
    }

    @Test
    void aCorruptLengthFieldIsNamedAsSuch() throws IOException {
        long first = frameStarts().get(0);
        overwrite(first + FRAME_HEAD - 4, ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array());
        Path png = tmp.resolve("p.png");
        assertRefused("cut off inside frame 0: its length field says 2147483647 bytes", "render", run.toString(),
                "--out", png.toString());
        assertFalse(err.toString().contains("output.frames: 0"), err.toString());
        overwrite(first + FRAME_HEAD - 4, ByteBuffer.allocate(4).putInt(-5).array());
        assertRefused("frame 0 (at byte " + first + ") has a length field of -5 bytes", "render", run.toString(),
                "--out", png.toString());
        assertFalse(Files.exists(png));
    }

    @Test
    void aCorruptTimeSeriesIsBadInputLikeACorruptTrajectory() throws IOException {
        Path series = run.resolve(RunFolder.TIMESERIES);
        byte[] bytes = Files.readAllBytes(series);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 16; i++) {
            bytes[i] = (byte) 0xC3; // not UTF-8 on its own
        }
        Files.write(series, bytes);
        Path png = tmp.resolve("p.png");
        assertRefused(series + " is corrupt", "plot", run.toString(), "--out", png.toString());
        assertRefused(series + " is corrupt", "render", run.toString(), "--out", png.toString());
        assertFalse(Files.exists(png));
    }

    @Test
    void aCorruptSummaryIsBadInput() throws IOException {
        Path summary = run.resolve(RunFolder.SUMMARY);
        Files.writeString(summary, "{\"name\": ");
        assertRefused(summary + " is corrupt", "plot", run.toString(), "--out", tmp.resolve("p.png").toString());
    }
}
