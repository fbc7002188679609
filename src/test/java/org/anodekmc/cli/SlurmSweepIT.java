package org.anodekmc.cli;

import org.anodekmc.TestConfigs;
import org.anodekmc.io.RunFolder;
import org.anodekmc.sweep.SweepRunner;
import org.anodekmc.sweep.SweepTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code kmc sweep --slurm} against a real Slurm: the one-node cluster of scripts/slurm-localhost.sh, which .ci/run
 * installs and starts: an array cancelled part-way and submitted again runs only what is missing, resumes the run that
 * scancel stopped, and ends with the local sweep's tables byte for byte. Skipped, saying why, when no Slurm node
 * answers here.
 */
class SlurmSweepIT {
    private static final long TIMEOUT_MS = 240_000;
    private static final Pattern SUBMITTED = Pattern.compile("submitted array job (\\d+) and collect job (\\d+)");

    @TempDir
    Path tmp;
    /** Jobs this test submitted, cancelled after it so that a failed test leaves nothing queued. */
    private final List<String> submitted = new ArrayList<>();

    @AfterEach
    void cancelLeftovers() throws IOException {
        if (!submitted.isEmpty()) {
            List<String> words = new ArrayList<>(List.of("scancel"));
            words.addAll(submitted);
            command(words.toArray(String[]::new));
        }
    }

    /** Per test, not per class: a class skipped in @BeforeAll shows in the build's count as no test at all. */
    @BeforeEach
    void slurmAnswers() {
        String problem = slurmProblem();
        if (problem != null) {
            String message = "SlurmSweepIT skipped: " + problem + " (as root: apt-get install slurm-wlm munge && "
                    + "scripts/slurm-localhost.sh; .ci/run does both)";
            System.err.println(message);
            assumeTrue(false, message);
        }
    }

    /** Why no job could run here, or null when sinfo shows a node that takes jobs. */
    private static String slurmProblem() {
        try {
            String[] result = command("sinfo", "-h", "-o", "%t");
            if (!result[0].equals("0")) {
                return "sinfo failed: " + result[2].strip();
            }
            if (Stream.of(result[1].split("\\s+")).noneMatch(s -> s.matches("(idle|mix|alloc).*"))) {
                return "no Slurm node takes jobs (sinfo states: " + result[1].strip() + ")";
            }
            return null;
        } catch (IOException e) {
            return "sinfo cannot be run (" + e.getMessage() + ")";
        }
    }

    /** Exit code, stdout and stderr of a command. */
    private static String[] command(String... words) throws IOException {
        Process p = new ProcessBuilder(words).start();
        p.getOutputStream().close();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", words) + " did not return within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new String[]{Integer.toString(p.exitValue()),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)};
    }

    /** A sweep of 3 points × 2 replicates of a small box, each run a second or two. */
    private Path sweepFile() throws IOException {
        Path file = tmp.resolve("tiny.yaml");
        String base = TestConfigs.metal(0.08, 0.45) + """
                lattice: {size: [12, 12, 8]}
                substrate:
                  host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.45}
                  sites: [{name: S, bondEnergy: 0.3, fraction: 0.05}]
                control: {mode: galvanostatic, currentDensity: 2.0}
                stop: {events: 50000}
                output: {rows: 40, frames: 0}
                """;
        Files.writeString(file, "base:\n" + base.indent(2) + """
                replicates: 2
                seed: 3
                axes:
                  - path: substrate.sites[0].bondEnergy
                    values: [0.1, 0.3, 0.5]
                """);
        return file;
    }

    /** Runs {@code kmc sweep ... --slurm} as a process of the packaged jar; returns the array and collect job ids. */
    private String[] submit(Path file, Path folder, String... more) throws IOException {
        List<String> words = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", Objects.requireNonNull(System.getProperty("anodekmc.jar"), "anodekmc.jar"),
                "sweep", file.toString(), "--out", folder.toString(), "--slurm"));
        words.addAll(List.of(more));
        String[] result = command(words.toArray(String[]::new));
        assertEquals("0", result[0], result[1] + result[2]);
        Matcher m = SUBMITTED.matcher(result[1]);
        assertTrue(m.find(), result[1]);
        submitted.addAll(List.of(m.group(1), m.group(2)));
        return new String[]{m.group(1), m.group(2)};
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out after " + TIMEOUT_MS / 1000 + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Waits until Slurm no longer lists the jobs (finished, failed or cancelled). */
    private static void awaitEnd(String... jobs) throws InterruptedException {
        await("jobs " + String.join(",", jobs) + " to end", () -> {
            try {
                return command("squeue", "-h", "-o", "%i", "-j", String.join(",", jobs))[1].isBlank();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void assertSameTables(Path local, Path cluster) throws IOException {
        for (String table : List.of(SweepTables.RUNS, SweepTables.MEANS)) {
            assertEquals(Files.readString(local.resolve(table)), Files.readString(cluster.resolve(table)), table);
        }
    }

    private static Set<String> finishedRuns(Path folder) throws IOException {
        Set<String> done = new TreeSet<>();
        try (Stream<Path> runs = Files.list(folder.resolve(SweepRunner.POINTS))) {
            runs.filter(r -> Files.isRegularFile(r.resolve(RunFolder.SUMMARY)))
                    .forEach(r -> done.add(r.getFileName().toString()));
        }
        return done;
    }

    /** Run index (sweep order, 2 replicates per point) of a run folder name pNNNN-rR. */
    private static int index(String run) {
        return Integer.parseInt(run.substring(1, 5)) * 2 + Integer.parseInt(run.substring(7, 8));
    }

    @Test
    void aCancelledArraySubmittedAgainRunsOnlyTheMissingRunsAndEndsAsTheLocalSweep() throws Exception {
        Path file = sweepFile();
        Path local = tmp.resolve("local");
        assertEquals(0, Main.execute("sweep", file.toString(), "--out", local.toString(), "-q"));
        Path cluster = tmp.resolve("cluster");
        Path points = cluster.resolve(SweepRunner.POINTS);
        String[] first = submit(file, cluster);
        assertTrue(Files.readString(cluster.resolve("slurm/array.sbatch")).contains("#SBATCH --array=0-5\n"));
        // cancel once a run has finished and a run of the second wave (index 2 and up) has just begun
        await("a finished run and a started one", () -> {
            try (Stream<Path> runs = Files.list(points)) {
                List<String> names = runs.map(r -> r.getFileName().toString()).toList();
                return names.stream().anyMatch(n -> !n.endsWith(RunFolder.PARTIAL_SUFFIX)) && names.stream()
                        .anyMatch(n -> n.endsWith(RunFolder.PARTIAL_SUFFIX) && index(n) >= 2);
            } catch (IOException noFolderYet) {
                return false;
            }
        });
        assertEquals("0", command("scancel", first[0], first[1])[0]);
        awaitEnd(first);

        Set<String> finished = finishedRuns(cluster);
        assertTrue(finished.size() < 6, "the cancel came part-way: " + finished);
        Map<String, byte[]> summaries = new HashMap<>();
        for (String run : finished) {
            summaries.put(run, Files.readAllBytes(points.resolve(run).resolve(RunFolder.SUMMARY)));
        }
        List<Path> stopped;
        try (Stream<Path> runs = Files.list(points)) {
            stopped = runs.filter(r -> Files.exists(r.resolve(RunFolder.CHECKPOINT))).toList();
        }
        assertFalse(stopped.isEmpty(), "scancel's SIGTERM left a run stopped with a checkpoint");
        for (Path partial : stopped) {
            // survives only if the next submission continues the run in its partial folder
            Files.writeString(partial.resolve("marker"), "resumed");
        }
        assertEquals(Main.FAILURE, Main.execute("sweep", file.toString(), "--out", cluster.toString(), "--collect"));

        // at most 3 tasks: 2 runs per task, task k runs 2k and 2k + 1
        String[] second = submit(file, cluster, "--array-size", "3");
        String spec = Files.readAllLines(cluster.resolve("slurm/array.sbatch")).stream()
                .filter(l -> l.startsWith("#SBATCH --array=")).findFirst().orElseThrow().substring(16);
        Set<Integer> expected = new TreeSet<>();
        notIn(finished).forEach(run -> expected.add(index(run) / 2));
        assertEquals(expected, expand(spec), "the second array holds exactly the tasks with a run not finished");
        awaitEnd(second);
        Path log = cluster.resolve("slurm/logs/collect_" + second[1] + ".out");
        assertTrue(Files.readString(log).contains("6 runs finished, 0 failed"), Files.readString(log));

        for (String run : finished) {
            assertArrayEquals(summaries.get(run), Files.readAllBytes(points.resolve(run).resolve(RunFolder.SUMMARY)),
                    run + " was not run again");
        }
        for (Path partial : stopped) {
            String run = partial.getFileName().toString().replace(RunFolder.PARTIAL_SUFFIX, "");
            assertEquals("resumed", Files.readString(points.resolve(run).resolve("marker")), run);
        }
        assertEquals(List.of(), notIn(finishedRuns(cluster)));
        assertSameTables(local, cluster);
    }

    private static List<String> notIn(Set<String> finished) {
        List<String> missing = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            for (int r = 0; r < 2; r++) {
                String run = String.format("p%04d-r%d", p, r);
                if (!finished.contains(run)) {
                    missing.add(run);
                }
            }
        }
        return missing;
    }

    /** The task ids of a Slurm --array list such as 0,2-5. */
    private static Set<Integer> expand(String spec) {
        Set<Integer> ids = new TreeSet<>();
        for (String part : spec.split(",")) {
            String[] ends = part.split("-");
            for (int i = Integer.parseInt(ends[0]); i <= Integer.parseInt(ends[ends.length - 1]); i++) {
                ids.add(i);
            }
        }
        return ids;
    }
}
