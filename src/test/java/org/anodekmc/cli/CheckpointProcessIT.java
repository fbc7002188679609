package org.anodekmc.cli;

import org.anodekmc.io.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.anodekmc.run.SameRun.assertSameRun;
import static org.anodekmc.run.SameRun.partial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The real command in a child process ({@code java -jar target/anodekmc.jar}): SIGINT and SIGTERM stop a run with a
 * checkpoint, kill -9 at any moment (in the middle of writing a checkpoint too) leaves the last whole checkpoint, and
 * every resumed run ends byte for byte as the run without the interruption.
 */
class CheckpointProcessIT {
    private static final String CONFIG = """
            seed: 2
            lattice: {size: [16, 16, 12], initialMetalLayers: 2}
            metal: {name: M, charge: 1, atomicVolume: 21.62, bondEnergy: 0.08, terraceBarrier: 0.5,
                    schwoebelBarrier: 0.0, attemptFrequency: 1.0e13}
            electrolyte: {name: E, exchangeCurrentDensity: 1.0, transferCoefficient: 0.5, activationEnergy: 0.0,
                    referenceTemperature: 298.15}
            substrate:
              host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.45}
              sites: [{name: S, bondEnergy: 0.35, fraction: 0.05}]
            control: {mode: potentiostatic, overpotential: [{time: 0, eta: 0.01}, {time: 0.5, eta: 0.03}]}
            stop: {events: 150000}
            output: {rows: 60, frames: 10}
            """;
    private static final long TIMEOUT_MS = 120_000;

    @TempDir
    static Path shared;
    static Path config;
    static Path reference;

    @TempDir
    Path tmp;

    @BeforeAll
    static void runInOneGo() throws IOException {
        config = shared.resolve("it.yaml");
        Files.writeString(config, CONFIG);
        reference = shared.resolve("reference");
        assertEquals(0, Main.execute("run", config.toString(), "--out", reference.toString(), "-q"));
    }

    private Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", Objects.requireNonNull(System.getProperty("anodekmc.jar"), "anodekmc.jar")));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    /** Whether a process ignores a signal (Linux: the SigIgn mask in /proc/PID/status). */
    private static boolean ignores(Process process, int signal) throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) >>> (signal - 1) & 1) != 0;
            }
        }
        return false;
    }

    private static long lines(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file).size() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void signalWritesACheckpointAndTheResumedRunEqualsTheRunInOneGo(String signal, int exitCode) throws Exception {
        Path run = tmp.resolve("run");
        Path log = tmp.resolve("log.txt");
        // no periodic checkpoints: the one found afterwards was written on the signal
        Process child = start(log, "run", config.toString(), "--out", run.toString(), "-q");
        // a process started with the signal ignored (as by a non-interactive shell's `cmd &`) cannot be stopped by it
        assumeFalse(ignores(child, signal.equals("TERM") ? 15 : 2), "SIG" + signal + " is ignored here");
        Path series = partial(run).resolve(RunFolder.TIMESERIES);
        await("the first rows", () -> lines(series) >= 3 || !child.isAlive());
        assertTrue(child.isAlive(), "the run must still be going when the signal comes");
        if (signal.equals("TERM")) {
            child.destroy();
        } else {
            new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
        }
        assertTrue(child.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        String output = Files.readString(log);
        assertEquals(exitCode, child.exitValue(), output);
        assertTrue(output.contains("checkpoint and outputs saved in") && output.contains("continue with: kmc resume "
                + run), output);
        assertTrue(Files.isRegularFile(partial(run).resolve(RunFolder.CHECKPOINT)), output);
        assertFalse(Files.exists(run));

        assertEquals(0, Main.execute("resume", run.toString(), "-q"));
        assertSameRun(reference, run);
    }

    /**
     * Kills the run (and then its resumed continuations) with SIGKILL at random moments while it writes a checkpoint
     * every 100 events, so that many kills land while one is being written. After every kill, a copy of the partial
     * folder is resumed to the end and compared with the run in one go.
     */
    @Test
    void killMinus9AtAnyMomentLeavesAResumableRun() throws Exception {
        Random random = new Random(42);
        Path run = tmp.resolve("run");
        Path checkpoint = partial(run).resolve(RunFolder.CHECKPOINT);
        int kills = 0;
        int midWrite = 0;
        for (int cycle = 0; cycle < 30 && (kills < 5 || midWrite < 1); cycle++) {
            boolean resume = Files.isRegularFile(checkpoint);
            Object before = resume ? Files.readAttributes(checkpoint,
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey() : null;
            Path log = tmp.resolve("log" + cycle + ".txt");
            Process child = resume ? start(log, "resume", run.toString(), "-q")
                    : start(log, "run", config.toString(), "--out", run.toString(), "-q", "--checkpoint-every", "100");
            // once the child has written a checkpoint of its own, kill it at a random moment
            await("a new checkpoint", () -> !child.isAlive() || newCheckpoint(checkpoint, before));
            Thread.sleep(random.nextInt(300));
            if (!child.isAlive()) {
                assertEquals(0, child.exitValue(), Files.readString(log));
                assertSameRun(reference, run); // the chain of resumed runs reached the end
                deleteTree(run);
                continue;
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS));
            kills++;
            if (Files.exists(checkpoint.resolveSibling(RunFolder.CHECKPOINT + ".tmp"))) {
                midWrite++;
            }
            Path probe = tmp.resolve("probe" + cycle);
            copyTree(partial(run), partial(probe));
            assertEquals(0, Main.execute("resume", probe.toString(), "-q", "--checkpoint-every", "100000000"),
                    "cycle " + cycle);
            assertSameRun(reference, probe);
        }
        System.out.printf("kill -9: %d kills, %d of them while a checkpoint was being written%n", kills, midWrite);
        assertTrue(kills >= 5, "kills: " + kills);
        assertTrue(midWrite >= 1, "no kill landed while a checkpoint was being written (" + kills + " kills)");
    }

    private static boolean newCheckpoint(Path checkpoint, Object before) {
        try {
            return !Objects.equals(before, Files.readAttributes(checkpoint,
                    java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
