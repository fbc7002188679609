package org.anodekmc.cli;

import org.anodekmc.ConsoleCapture;
import org.anodekmc.TestConfigs;
import org.anodekmc.io.FolderLock;
import org.anodekmc.io.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Output safety with the real command in child processes ({@code java -jar target/anodekmc.jar}): a config's name
 * cannot reach a folder the tool did not write, a second writer is refused while the first runs, and kill -9 leaves
 * no stale lock.
 */
class OutputSafetyIT {
    /** Runs far longer than the tests wait: they stop it. */
    private static final String ENDLESS = TestConfigs.metalOnPlainHost(0.08, 0.5) + """
            seed: 3
            lattice: {size: [16, 16, 12]}
            control: {mode: potentiostatic, overpotential: 0.01}
            stop: {events: 1000000000}
            output: {rows: 1000, frames: 2}
            """;
    private static final long TIMEOUT_MS = 120_000;

    @TempDir
    Path tmp;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private Process start(Path workingDir, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", Objects.requireNonNull(System.getProperty("anodekmc.jar"), "anodekmc.jar")));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    /** Waits until the child has taken the lock of {@code folder} and written its name into it. */
    private static void awaitLock(Process child, Path folder) throws Exception {
        Path lock = FolderLock.fileOf(folder);
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!(Files.isRegularFile(lock) && Files.readString(lock).contains("PID " + child.pid()))) {
            if (!child.isAlive() || System.currentTimeMillis() > deadline) {
                fail("the child did not lock " + folder);
            }
            Thread.sleep(20);
        }
    }

    private static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        assertTrue(child.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS));
    }

    @Test
    void aConfigNamedReferenceLeavesResultsReferenceAlone() throws Exception {
        Path reference = Files.createDirectories(tmp.resolve("results/reference/quickstart"));
        Files.writeString(reference.resolve("summary.json"), "{\"committed\": true}\n");
        Files.writeString(tmp.resolve("c.yaml"), ENDLESS.replace("1000000000", "1000") + "name: reference\n");
        Path log = tmp.resolve("log.txt");
        Process child = start(tmp, log, "run", "c.yaml", "-q");
        assertTrue(child.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        String output = Files.readString(log);
        assertEquals(2, child.exitValue(), output);
        assertTrue(output.contains("results/reference is not a run folder"), output);
        assertEquals("{\"committed\": true}\n", Files.readString(reference.resolve("summary.json")));
        try (var left = Files.list(tmp.resolve("results"))) {
            assertEquals(List.of("reference"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aSecondRunOrAResumeOnARunningRunIsRefusedAndKillMinus9LeavesNoStaleLock() throws Exception {
        Path config = Files.writeString(tmp.resolve("c.yaml"), ENDLESS);
        Path run = tmp.resolve("run");
        Process first = start(tmp, tmp.resolve("first.txt"), "run", config.toString(), "--out", run.toString(), "-q");
        try {
            awaitLock(first, run);
            String holder = "PID " + first.pid() + ", started ";
            Process second = start(tmp, tmp.resolve("second.txt"), "run", config.toString(), "--out", run.toString(),
                    "--seed", "4", "-q");
            assertTrue(second.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS));
            String output = Files.readString(tmp.resolve("second.txt"));
            assertEquals(2, second.exitValue(), output);
            assertTrue(output.contains(holder), output);

            assertEquals(2, Main.execute("resume", run.toString(), "-q"));
            assertTrue(console.err.toString().contains(holder), console.err.toString());
            assertTrue(first.isAlive(), "the first run goes on");
        } finally {
            kill(first);
        }
        // the dead writer's lock file may be left, but not its lock: the next run into the folder goes ahead
        Path shortConfig = Files.writeString(tmp.resolve("short.yaml"), ENDLESS.replace("1000000000", "1000"));
        assertEquals(0, Main.execute("run", shortConfig.toString(), "--out", run.toString(), "-q"),
                console.err.toString());
        assertTrue(Files.isRegularFile(run.resolve(RunFolder.SUMMARY)));
    }

    @Test
    void aSecondSweepOnTheSameFolderIsRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("s.yaml"), "base:\n" + ENDLESS.indent(2)
                + "axes: [{path: temperature, values: [300, 310]}]\n");
        Path folder = tmp.resolve("sweep");
        Process first = start(tmp, tmp.resolve("first.txt"), "sweep", file.toString(), "--out", folder.toString(),
                "--threads", "1", "-q");
        try {
            awaitLock(first, folder);
            assertEquals(2, Main.execute("sweep", file.toString(), "--out", folder.toString(), "--threads", "1",
                    "-q"));
            String message = console.err.toString();
            assertTrue(message.contains("PID " + first.pid() + ", started ") && message.contains("kmc sweep"),
                    message);
            assertEquals(1, message.strip().lines().count(), message);
            assertTrue(first.isAlive(), "the first sweep goes on");
        } finally {
            kill(first);
        }
    }
}
