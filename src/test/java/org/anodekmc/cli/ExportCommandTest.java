package org.anodekmc.cli;

import org.anodekmc.ConsoleCapture;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.anodekmc.io.RunFolder;
import org.anodekmc.io.export.TestRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kmc export: a good run exports; a missing or corrupt run or bad options give one line, exit 2, no files. */
class ExportCommandTest {
    @TempDir
    static Path shared;
    static Path run;

    @TempDir
    Path tmp;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err;
    private final ByteArrayOutputStream out = console.out;

    @BeforeAll
    static void makeRun() {
        run = TestRuns.plating(shared.resolve("plating"));
    }

    private void assertBadInput(String expected, Path outDir, String... args) {
        int code = Main.execute(args);
        String message = err.toString();
        assertEquals(2, code, message);
        assertTrue(message.contains(expected), message);
        assertEquals(1, message.strip().lines().count(), "one line: " + message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), message);
        assertFalse(Files.exists(outDir), "nothing written");
    }

    /** A copy of the run whose trajectory is changed by {@code damage}. */
    private Path damagedCopy(String name, TrajectoryDamage damage) throws IOException {
        Path copy = tmp.resolve(name);
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(run)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        try (RandomAccessFile trajectory = new RandomAccessFile(copy.resolve(RunFolder.TRAJECTORY).toFile(), "rw")) {
            damage.apply(trajectory);
        }
        return copy;
    }

    interface TrajectoryDamage {
        void apply(RandomAccessFile file) throws IOException;
    }

    @Test
    void exportsTheLastFrameByDefault() {
        Path outDir = tmp.resolve("out");
        assertEquals(0, Main.execute("export", run.toString(), "--format", "extxyz", "--out", outDir.toString()),
                err.toString());
        assertTrue(Files.isRegularFile(outDir.resolve("plating.xyz")));
        assertTrue(out.toString().contains("exported 1 frame(s) of a 20 x 16 x 10 box"), out.toString());
        assertTrue(out.toString().contains("3 Zn-N4 4 Co_N4"), out.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown format    | --format=xyz    | --frames=last | unknown format 'xyz'; use one of extxyz, vti, lammps",
            "bad frames syntax   | --format=vti     | --frames=0..3   | --frames: '0..3'",
            "frame out of range  | --format=lammps  | --frames=0,99   | --frames: frame 99 does not exist",
    })
    void badOptionsAreBadInput(String what, String format, String frames, String expected) {
        Path outDir = tmp.resolve("out");
        assertBadInput(expected, outDir, "export", run.toString(), format, frames, "--out", outDir.toString());
    }

    @Test
    void missingRunFolderOrTrajectoryIsBadInput() throws IOException {
        Path outDir = tmp.resolve("out");
        assertBadInput("no run folder", outDir, "export", tmp.resolve("nope").toString(), "--format",
                "vti", "--out", outDir.toString());
        err.reset();
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertBadInput("is not a run folder (it has no trajectory.bin)", outDir, "export", empty.toString(),
                "--format", "vti", "--out", outDir.toString());
    }

    @Test
    void truncatedTrajectoryIsBadInput() throws IOException {
        Path broken = damagedCopy("truncated", f -> f.setLength(20));
        assertBadInput("truncated or corrupt", broken.resolve("export"), "export", broken.toString(), "--format",
                "extxyz");
    }

    @Test
    void corruptLastFrameLeavesNoFileBehind() throws IOException {
        // wreck the zlib header of the last frame, so earlier frames are exported before the error shows
        Path broken = damagedCopy("corrupt", f -> {
            f.seek(8 + 4 * 4 + 8 + 1 + 2 + 20 * 16); // header, lattice type "sc", a 20 × 16 box's substrate
            long payload = -1;
            while (f.getFilePointer() < f.length()) {
                f.skipBytes(4 + 8 * 3 + 8);
                int length = f.readInt();
                payload = f.getFilePointer();
                f.seek(payload + length);
            }
            f.seek(payload);
            f.write(new byte[]{(byte) 0xFF, (byte) 0xFF});
        });
        assertBadInput("frame 5 is corrupt", broken.resolve("export"), "export", broken.toString(), "--format",
                "vti", "--frames", "all");
    }

    @Test
    void outputThatIsAFileIsBadInput() throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        assertEquals(2, Main.execute("export", run.toString(), "--format", "vti", "--out", file.toString()));
        assertTrue(err.toString().contains(file + " is a file"), err.toString());
        assertEquals("x", Files.readString(file));
    }
}
