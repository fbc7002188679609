package org.anodekmc.cli;

import org.anodekmc.ConsoleCapture;
import org.anodekmc.TestConfigs;
import org.anodekmc.config.ConfigLoader;
import org.anodekmc.run.CheckpointPolicy;
import org.anodekmc.io.FolderLock;
import org.anodekmc.io.OutputFolder;
import org.anodekmc.run.RunExecutor;
import org.anodekmc.io.RunFolder;
import org.anodekmc.run.RunInterruptedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No command deletes or replaces what it did not write: run, sweep and export refuse an output path that exists and
 * is not a folder of theirs; a finished run is replaced only with --overwrite; a folder being written by another
 * command is refused, naming the holder.
 */
class OutputSafetyTest {
    @TempDir
    Path tmp;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err;

    private static final String CONFIG = TestConfigs.metalOnPlainHost(0.08, 0.45) + """
            lattice: {size: [12, 12, 8]}
            control: {mode: galvanostatic, currentDensity: 2.0}
            stop: {events: 1000}
            output: {rows: 10, frames: 2}
            """;

    private Path config() throws IOException {
        return Files.writeString(tmp.resolve("c.yaml"), CONFIG);
    }

    private Path sweepFile() throws IOException {
        return Files.writeString(tmp.resolve("s.yaml"), "base:\n" + CONFIG.indent(2)
                + "axes: [{path: temperature, values: [300]}]\n");
    }

    /** Every file under {@code root} with its content, to see that nothing changed. */
    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> all = new TreeMap<>();
        if (Files.isRegularFile(root)) {
            all.put("", Files.readString(root));
            return all;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                all.put(root.relativize(p).toString(), Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return all;
    }

    /** Exit code 2, one line naming the path, no stack trace, {@code path} untouched and no files beside it. */
    private void assertRefused(Path path, String expected, String... args) throws IOException {
        Map<String, String> before = contents(path);
        err.reset();
        try (Stream<Path> siblings = Files.list(path.toAbsolutePath().getParent())) {
            long count = siblings.count();
            int code = Main.execute(args);
            String message = err.toString();
            assertEquals(2, code, message);
            assertTrue(message.contains(path.toString()) && message.contains(expected), message);
            assertEquals(1, message.strip().lines().count(), "one line: " + message);
            assertFalse(message.contains("Exception") || message.contains("\tat "), message);
            assertEquals(before, contents(path), "untouched");
            try (Stream<Path> after = Files.list(path.toAbsolutePath().getParent())) {
                assertEquals(count, after.count(), "nothing written beside it (no partial folder, no lock file)");
            }
        }
    }

    private Path notes() throws IOException {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(notes.resolve("ideas.txt"), "do not lose me");
        Files.createDirectories(notes.resolve("sub"));
        Files.writeString(notes.resolve("sub/more.txt"), "nor me");
        return notes;
    }

    @Test
    void runIntoAUsersFolderIsRefused() throws IOException {
        Path notes = notes();
        assertRefused(notes, "is not a run folder", "run", config().toString(), "--out", notes.toString(), "-q");
        assertRefused(notes, "is not a run folder", "run", config().toString(), "--out", notes.toString(), "-q",
                "--overwrite");
    }

    @Test
    void runIntoTheFolderHoldingItsConfigIsRefused() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("project"));
        Path config = Files.writeString(folder.resolve("c.yaml"), CONFIG);
        assertRefused(folder, "is not a run folder", "run", config.toString(), "--out", folder.toString(), "-q");
    }

    @Test
    void runIntoAnExistingFileIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("report.txt"), "my report");
        assertRefused(file, "is a file", "run", config().toString(), "--out", file.toString(), "-q");
    }

    @Test
    void aPartialFolderThatIsNotARunIsNotDiscarded() throws IOException {
        Path notes = Files.createDirectories(tmp.resolve("x.partial"));
        Files.writeString(notes.resolve("ideas.txt"), "do not lose me");
        assertRefused(notes, "is not a run folder", "run", config().toString(), "--out", tmp.resolve("x").toString(),
                "-q");
    }

    @Test
    void aFileWhereTheLockGoesIsNotOverwritten() throws IOException {
        Path file = Files.writeString(tmp.resolve("x.lock"), "my lock notes");
        assertRefused(file, "is not an anodekmc lock file", "run", config().toString(), "--out",
                tmp.resolve("x").toString(), "-q");
    }

    @Test
    void aFinishedRunIsReplacedOnlyWithOverwrite() throws IOException {
        Path run = tmp.resolve("run");
        assertEquals(0, Main.execute("run", config().toString(), "--out", run.toString(), "-q", "--seed", "1"));
        assertEquals(OutputFolder.Kind.RUN, OutputFolder.kindOf(run));
        assertRefused(run, "--overwrite", "run", config().toString(), "--out", run.toString(), "-q", "--seed", "2");

        String first = Files.readString(run.resolve(RunFolder.CONFIG));
        assertEquals(0, Main.execute("run", config().toString(), "--out", run.toString(), "-q", "--seed", "2",
                "--overwrite"), err.toString());
        String second = Files.readString(run.resolve(RunFolder.CONFIG));
        assertTrue(first.contains("seed: 1") && second.contains("seed: 2"), second);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(java.util.List.of("c.yaml", "run"), left.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "the old run is gone and nothing else is left");
        }
    }

    @Test
    void aFolderNamedByTheConfigIsProtectedLikeAnyOther() throws IOException {
        // name: reference and no --out writes results/reference; here the same rule through the name's folder
        Path reference = Files.createDirectories(tmp.resolve("results/reference"));
        Files.writeString(reference.resolve("summary.json"), "{}");
        Path config = Files.writeString(tmp.resolve("c.yaml"), CONFIG + "name: reference\n");
        assertRefused(reference, "is not a run folder", "run", config.toString(), "--out", reference.toString(),
                "-q");
    }

    @Test
    void theCommittedReferenceFoldersAreMarkedSoTheirRegenerationCommandsWork() {
        assertEquals(OutputFolder.Kind.RUN, OutputFolder.kindOf(Path.of("results/reference/quickstart")));
        for (String sweep : new String[]{"eta-vs-current", "eta-vs-sa-binding", "eta-vs-sa-density",
                "eta-vs-temperature", "hosts-bare-vs-sa"}) {
            assertEquals(OutputFolder.Kind.SWEEP, OutputFolder.kindOf(Path.of("results/reference/sweeps", sweep)),
                    sweep);
        }
    }

    @Test
    void sweepIntoAUsersFolderOrARunFolderIsRefused() throws IOException {
        Path notes = notes();
        assertRefused(notes, "is not a sweep folder", "sweep", sweepFile().toString(), "--out", notes.toString(),
                "-q");
        Path run = tmp.resolve("run");
        assertEquals(0, Main.execute("run", config().toString(), "--out", run.toString(), "-q"));
        assertRefused(run, "is a run folder, not a sweep folder", "sweep", sweepFile().toString(), "--out",
                run.toString(), "-q");
    }

    @Test
    void aSweepRunsAgainIntoItsOwnFolderKeepingItsRuns() throws IOException {
        Path folder = tmp.resolve("sweep");
        assertEquals(0, Main.execute("sweep", sweepFile().toString(), "--out", folder.toString(), "-q"));
        assertEquals(OutputFolder.Kind.SWEEP, OutputFolder.kindOf(folder));
        assertEquals(0, Main.execute("sweep", sweepFile().toString(), "--out", folder.toString(), "-q"),
                err.toString());
        assertTrue(console.out.toString().contains("1 kept from before"), console.out.toString());
    }

    @Test
    void exportIntoAUsersFolderIsRefused() throws IOException {
        Path run = tmp.resolve("run");
        assertEquals(0, Main.execute("run", config().toString(), "--out", run.toString(), "-q"));
        Path notes = notes();
        assertRefused(notes, "is not an export folder", "export", run.toString(), "--format", "extxyz", "--out",
                notes.toString());
        Path own = tmp.resolve("own");
        assertEquals(0, Main.execute("export", run.toString(), "--format", "extxyz", "--out", own.toString()));
        assertEquals(0, Main.execute("export", run.toString(), "--format", "vti", "--out", own.toString()),
                err.toString());
        assertEquals(OutputFolder.Kind.EXPORT, OutputFolder.kindOf(own));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", ".."})
    void anOutputPathThatCannotMakeAFolderIsRefusedBeforeRunning(String out) throws IOException {
        assertEquals(2, Main.execute("run", config().toString(), "--out", out, "-q"));
        assertTrue(err.toString().contains("does not name a folder"), err.toString());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(1, files.count(), "only the config");
        }
    }

    @Test
    void aSecondWriterIsRefusedNamingTheHolder() throws IOException {
        String pid = "PID " + ProcessHandle.current().pid();
        Path run = tmp.resolve("run");
        Path sweep = tmp.resolve("sweep");
        Path export = tmp.resolve("export");
        // a stopped run, as a running one looks on disk
        assertThrows(RunInterruptedException.class, () -> RunExecutor.run(ConfigLoader.withBuiltInPresets()
                .load(config()), run, new RunExecutor.Options(CheckpointPolicy.parse("500"), () -> true), null));
        Path partial = tmp.resolve("run" + RunFolder.PARTIAL_SUFFIX);
        try (FolderLock held = FolderLock.acquire(run, "kmc run")) {
            Map<String, String> before = contents(partial);
            assertEquals(2, Main.execute("run", config().toString(), "--out", run.toString(), "-q"));
            assertEquals(2, Main.execute("resume", run.toString(), "-q"));
            assertEquals(before, contents(partial), "the running run is left alone");
        }
        assertEquals(0, Main.execute("resume", run.toString(), "-q"), "free again: " + err);
        try (FolderLock held = FolderLock.acquire(sweep, "kmc sweep")) {
            assertEquals(2, Main.execute("sweep", sweepFile().toString(), "--out", sweep.toString(), "-q"));
        }
        try (FolderLock held = FolderLock.acquire(export, "kmc export")) {
            assertEquals(2, Main.execute("export", run.toString(), "--format", "vti", "--out", export.toString()));
        }
        String[] lines = err.toString().strip().split("\n");
        assertEquals(4, lines.length, err.toString());
        for (String line : lines) {
            assertTrue(line.contains("is being written by another kmc process (" + pid + ", started "), line);
        }
        assertFalse(Files.exists(sweep) || Files.exists(export), "nothing written");
        assertFalse(Files.exists(FolderLock.fileOf(run)), "the lock file goes with its lock");
    }
}
