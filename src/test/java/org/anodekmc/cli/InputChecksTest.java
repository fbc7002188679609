package org.anodekmc.cli;

import org.anodekmc.ConsoleCapture;
import org.anodekmc.TestConfigs;
import org.anodekmc.io.TrajectoryReader;
import org.anodekmc.io.TrajectoryWriter;
import org.anodekmc.run.Engines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Plausibility warnings, memory known before it is spent, and one line for out-of-memory and disk errors. */
class InputChecksTest {
    private static final String GOOD = """
            lattice: {type: simple-cubic, size: [16, 16, 8]}
            metal: Li
            substrate: {host: Cu}
            stop: {events: 300}
            output: {rows: 4, frames: 2}
            """;

    @TempDir
    Path tmp;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err;

    private String config(String yaml) throws IOException {
        Path file = tmp.resolve("c.yaml");
        Files.writeString(file, yaml);
        return file.toString();
    }

    @Test
    void aCelsiusTemperatureRunsWithAWarningThatNamesIt() throws IOException {
        String c = config(GOOD + "temperature: 25\n");
        assertEquals(0, Main.execute("run", c, "--out", tmp.resolve("run").toString(), "-q"), err.toString());
        assertTrue(err.toString().contains("warning: temperature: 25 K is below 150 K; was °C meant?"),
                err.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("run/summary.json")));
    }

    @Test
    void aTemperatureThatCannotWorkIsRefusedBeforeTheRun() throws IOException {
        String c = config(GOOD + "temperature: 1\n");
        assertEquals(2, Main.execute("validate", c));
        assertEquals(2, Main.execute("run", c, "--out", tmp.resolve("run").toString(), "-q"));
        assertTrue(err.toString().contains("error: temperature: 1 K cannot work"), err.toString());
        assertFalse(Files.exists(tmp.resolve("run")) || Files.exists(tmp.resolve("run.partial")));
    }

    @Test
    void aNullSiteListIsRefusedNotCrashedOn() throws IOException {
        // found by ConfigFuzzTest: it passed validate, then the run died of a NullPointerException (exit 1)
        String c = config(GOOD.replace("substrate: {host: Cu}", "substrate: {host: Cu, sites: null}"));
        assertEquals(2, Main.execute("run", c, "--out", tmp.resolve("run").toString(), "-q"));
        assertTrue(err.toString().startsWith("error: substrate.sites: must be a list"), err.toString());
        assertFalse(Files.exists(tmp.resolve("run")) || Files.exists(tmp.resolve("run.partial")));
    }

    @Test
    void anEmptyListEntryIsRefusedByItsIndex() throws IOException {
        // found by ConfigFuzzTest: a null step of a potentiostatic schedule died of a NullPointerException (exit 1)
        String steps = config(GOOD + "control: {mode: potentiostatic, overpotential: [{time: 0, eta: 0.05}, null]}\n");
        assertEquals(2, Main.execute("run", steps, "--out", tmp.resolve("run").toString(), "-q"));
        assertTrue(err.toString().startsWith("error: control.overpotential[1]: is empty; a mapping of its fields is"
                + " required"), err.toString());
        assertFalse(Files.exists(tmp.resolve("run")) || Files.exists(tmp.resolve("run.partial")));
        err.reset();
        assertEquals(2, Main.execute("validate", config(GOOD.replace("[16, 16, 8]", "[16, null, 8]"))));
        assertTrue(err.toString().startsWith("error: lattice.size[1]: is empty; a whole number is required"),
                err.toString());
    }

    @Test
    void aFileSystemRootIsRefusedWhereARunOrConfigIsExpected() throws IOException {
        // found in review: resume died of a NullPointerException (a root has no file name)
        Path root = tmp.getRoot();
        assertEquals(2, Main.execute("resume", root.toString()));
        assertTrue(err.toString().startsWith("error: no interrupted run at " + root), err.toString());
        err.reset();
        assertEquals(2, Main.execute("validate", root.toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("error: ") && !err.toString().contains("Exception"), err.toString());
    }

    @Test
    void validateSaysHowMuchMemoryTheRunNeeds() throws IOException {
        assertEquals(0, Main.execute("validate", config(GOOD)), err.toString());
        assertTrue(err.toString().matches(
                "(?s).*memory: about \\d+ MB needed, in a heap of at least \\d+ MB; this Java VM may use .*"),
                err.toString());
    }

    @Test
    void aBoxLargerThanTheHeapIsRefusedWithHowToGiveMore() throws IOException {
        // the box of the report: 14600 × 14600 × 10 passed validate, then died of OutOfMemoryError after a minute
        String c = config(GOOD.replace("[16, 16, 8]", "[14600, 14600, 10]"));
        assertEquals(2, Main.execute("validate", c));
        String message = err.toString().strip();
        assertTrue(message.startsWith("error: lattice.size: a 14600×14600×10 box needs about "), message);
        assertTrue(message.contains("kmc --heap ") && message.contains("KMC_JAVA_OPTS=-Xmx"), message);
        assertEquals(1, message.lines().count(), message);
        err.reset();
        assertEquals(2, Main.execute("run", c, "--out", tmp.resolve("big").toString(), "-q"));
        assertTrue(err.toString().contains("needs about"), err.toString());
        assertFalse(Files.exists(tmp.resolve("big")) || Files.exists(tmp.resolve("big.partial")), "nothing written");
    }

    @Test
    void outOfMemoryAnywhereEndsWithOneLineAndExitOne() {
        for (Throwable e : new Throwable[]{new OutOfMemoryError("Java heap space"),
                new IllegalStateException("sweep bookkeeping failed", new OutOfMemoryError("Java heap space"))}) {
            StringWriter text = new StringWriter();
            assertEquals(Main.FAILURE, Main.report(e, new PrintWriter(text, true)));
            String message = text.toString().strip();
            assertTrue(message.startsWith("error: out of memory") && message.contains("kmc --heap"), message);
            assertTrue(message.contains(".partial"), message);
            assertEquals(1, message.lines().count(), message);
            assertFalse(message.contains("\tat "), message);
        }
    }

    @Test
    void aFullDiskSaysSo() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full");
        var sim = Engines.build(TestConfigs.yaml(GOOD));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
            try (TrajectoryWriter w = new TrajectoryWriter(full, sim, 3.0)) {
                w.write(sim, new TrajectoryReader.FrameInfo(0, 0, 0, 0));
                w.sync();
            }
        });
        StringWriter text = new StringWriter();
        assertEquals(Main.FAILURE, Main.report(e, new PrintWriter(text, true)));
        assertTrue(text.toString().matches("error: cannot write trajectory.*: No space left on device\\s*"),
                text.toString());
    }
}
