package org.anodekmc.sweep;

import org.anodekmc.config.ConfigLoader;
import org.anodekmc.io.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepRunnerTest {
    private static final SweepLoader LOADER = new SweepLoader(ConfigLoader.withBuiltInPresets());
    /** 3 points × 2 replicates of the tiny box. */
    private static final String AXES = """
            replicates: 2
            seed: 11
            axes:
              - path: substrate.sites[0].bondEnergy
                values: [0.1, 0.3, 0.5]
            """;

    @TempDir
    Path tmp;

    private Sweep sweep(String fields) {
        return LOADER.load(SweepFiles.write(tmp, "s", fields));
    }

    private static Map<String, SweepRunner.Status> statuses(SweepRunner.Result r) {
        return r.outcomes().stream().collect(Collectors.toMap(o -> o.run().id(), SweepRunner.Outcome::status));
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalTables() throws IOException {
        Sweep sweep = sweep(AXES);
        SweepRunner.run(sweep, tmp.resolve("one"), 1, null);
        SweepRunner.run(sweep, tmp.resolve("two"), 2, null);
        for (String table : List.of(SweepTables.RUNS, SweepTables.MEANS)) {
            assertEquals(Files.readString(tmp.resolve("one").resolve(table)),
                    Files.readString(tmp.resolve("two").resolve(table)), table);
        }
        List<String> rows = Files.readAllLines(tmp.resolve("one").resolve(SweepTables.RUNS));
        assertEquals(7, rows.size(), "header and 6 runs");
        int etaNuc = List.of(rows.get(0).split(",")).indexOf(Metric.ETA_NUC.column);
        long distinct = rows.stream().skip(1).map(r -> r.split(",")[etaNuc]).distinct().count();
        assertTrue(distinct > 1, "runs with different seeds differ, so the comparison means something: " + rows);
        assertTrue(Files.exists(tmp.resolve("one").resolve(Metric.ETA_NUC.plotName() + ".png")));
    }

    @Test
    void resumeKeepsFinishedRunsAndRedoesHalfWrittenOrChangedOnes() throws IOException {
        Sweep sweep = sweep(AXES);
        Path out = tmp.resolve("out");
        SweepRunner.Result first = SweepRunner.run(sweep, out, 2, null);
        assertTrue(first.outcomes().stream().allMatch(o -> o.status() == SweepRunner.Status.RAN));
        String table = Files.readString(out.resolve(SweepTables.RUNS));
        Path points = out.resolve(SweepRunner.POINTS);

        // A finished run: mark it, so that we can see it is not run again.
        Files.writeString(points.resolve("p0000-r0").resolve("marker"), "kept");
        // An interrupted run: RunExecutor leaves NAME.partial without summary.json and no final folder.
        Path half = points.resolve("p0001-r1" + RunFolder.PARTIAL_SUFFIX);
        Files.move(points.resolve("p0001-r1"), half);
        Files.delete(half.resolve(RunFolder.SUMMARY));
        // A finished run of another config (the sweep file was edited since).
        Path changed = points.resolve("p0002-r0").resolve(RunFolder.CONFIG);
        String config = Files.readString(changed);
        assertTrue(config.contains("temperature: 298.15"), config);
        Files.writeString(changed, config.replace("temperature: 298.15", "temperature: 310.0"));

        SweepRunner.Result second = SweepRunner.run(sweep, out, 2, null);
        Map<String, SweepRunner.Status> status = statuses(second);
        assertEquals(SweepRunner.Status.REUSED, status.get("p0000-r0"));
        assertEquals("kept", Files.readString(points.resolve("p0000-r0").resolve("marker")));
        assertEquals(SweepRunner.Status.RAN, status.get("p0001-r1"));
        assertEquals(SweepRunner.Status.RAN, status.get("p0002-r0"));
        assertEquals(4, second.count(SweepRunner.Status.REUSED), "p0000-r0 and the three untouched runs");
        assertFalse(Files.exists(half), "the half-written folder was redone and renamed");
        assertTrue(Files.exists(points.resolve("p0001-r1").resolve(RunFolder.SUMMARY)));
        assertEquals(table, Files.readString(out.resolve(SweepTables.RUNS)), "the redone runs give the same rows");
    }

    @Test
    void aFailingPointIsRecordedAndTheOthersComplete() throws IOException {
        Sweep sweep = sweep("""
                axes:
                  - {path: temperature, values: [300, -20, 320]}
                """);
        Path out = tmp.resolve("out");
        SweepRunner.Result r = SweepRunner.run(sweep, out, 2, null);
        assertEquals(1, r.count(SweepRunner.Status.FAILED));
        assertEquals(2, r.count(SweepRunner.Status.RAN));
        List<String> rows = Files.readAllLines(out.resolve(SweepTables.RUNS));
        assertTrue(rows.get(2).startsWith("-20,") && rows.get(2).contains(",failed,")
                && rows.get(2).contains("temperature"), rows.get(2));
        assertTrue(rows.get(1).contains(",ok,") && rows.get(3).contains(",ok,"), String.join("\n", rows));
        assertTrue(Files.exists(out.resolve(SweepRunner.POINTS).resolve("p0002-r0").resolve(RunFolder.SUMMARY)));
        String means = Files.readAllLines(out.resolve(SweepTables.MEANS)).get(2);
        assertTrue(means.startsWith("-20,0,1,"), "runs_ok 0, runs_failed 1: " + means);
    }

    @Test
    void progressCountsEveryRunAndEndsAtTheTotal() {
        Sweep sweep = sweep("axes: [{path: temperature, values: [300, -20, 320]}]\n");
        List<SweepRunner.Progress> seen = new java.util.ArrayList<>();
        SweepRunner.run(sweep, tmp.resolve("out"), 2, seen::add);
        SweepRunner.Progress last = seen.get(seen.size() - 1);
        assertEquals(3, last.done());
        assertEquals(3, last.total());
        assertEquals(1, last.failed());
        assertEquals(0.0, last.remainingSeconds());
    }

    /**
     * A run on two engine threads takes two of the sweep's threads: on a sweep of one thread it still runs (alone,
     * not waiting forever for a second thread), and the tables are those of the same sweep on two threads. The base
     * has no engine section: an axis may name it all the same.
     */
    @Test
    @Timeout(120)
    void runsOnSeveralEngineThreadsShareTheSweepsThreads() throws IOException {
        Sweep sweep = sweep("""
                replicates: 2
                seed: 5
                axes:
                  - path: lattice.size
                    values: [[16, 64, 8]]
                  - path: engine.threads
                    values: [1, 2]
                """);
        SweepRunner.Result one = SweepRunner.run(sweep, tmp.resolve("one"), 1, null);
        SweepRunner.Result two = SweepRunner.run(sweep, tmp.resolve("two"), 2, null);
        assertEquals(4, one.count(SweepRunner.Status.RAN), one.outcomes().toString());
        assertEquals(4, two.count(SweepRunner.Status.RAN), two.outcomes().toString());
        assertEquals(Files.readString(tmp.resolve("one").resolve(SweepTables.RUNS)),
                Files.readString(tmp.resolve("two").resolve(SweepTables.RUNS)));
    }
}
