package org.anodekmc.sweep;

import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.config.SiteConfig;
import org.anodekmc.config.SubstrateConfig;
import org.anodekmc.io.FolderLock;
import org.anodekmc.io.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepArrayTest {
    private static final SweepLoader LOADER = new SweepLoader(ConfigLoader.withBuiltInPresets());
    /** 3 points × 2 replicates of the tiny box: 6 runs. */
    private static final String AXES = """
            replicates: 2
            seed: 5
            axes:
              - path: substrate.sites[0].bondEnergy
                values: [0.1, 0.3, 0.5]
            """;

    @TempDir
    Path tmp;

    private Sweep sweep() {
        return LOADER.load(SweepFiles.write(tmp, "s", AXES));
    }

    private static List<String> ids(List<SweepRunner.Outcome> outcomes) {
        return outcomes.stream().map(o -> o.run().id()).toList();
    }

    private void assertSameTables(Path local, Path array) throws IOException {
        for (String table : List.of(SweepTables.RUNS, SweepTables.MEANS, Metric.ETA_NUC.plotName() + ".png")) {
            assertEquals(-1, Files.mismatch(local.resolve(table), array.resolve(table)), table);
        }
    }

    @Test
    void tasksRunTheirShareAndTheCollectionEqualsTheLocalSweep() throws IOException {
        Sweep sweep = sweep();
        Path local = tmp.resolve("local");
        SweepRunner.run(sweep, local, 2, null);
        Path array = tmp.resolve("array");

        int perTask = SweepArray.runsPerTask(sweep, 4);
        assertEquals(2, perTask, "6 runs in at most 4 tasks: 2 per task, 3 tasks");
        assertEquals(List.of(0, 1, 2), SweepArray.pendingTasks(sweep, array, perTask));
        assertEquals(List.of("p0002-r0", "p0002-r1"),
                ids(SweepArray.runTask(sweep, array, 2, perTask, 1, () -> false)));
        assertEquals(List.of("p0000-r0", "p0000-r1"),
                ids(SweepArray.runTask(sweep, array, 0, perTask, 1, () -> false)));
        assertEquals(List.of(1), SweepArray.pendingTasks(sweep, array, perTask), "only task 1 is left");

        SweepArray.Collected partly = SweepArray.collect(sweep, array);
        assertEquals(List.of("p0001-r0", "p0001-r1"), ids(partly.missing()));
        assertTrue(partly.missing().get(0).error().contains("did not run"), partly.missing().get(0).error());
        List<String> rows = Files.readAllLines(array.resolve(SweepTables.RUNS));
        assertTrue(rows.get(3).contains(",failed,did not run"), rows.get(3));

        SweepArray.runTask(sweep, array, 1, perTask, 2, () -> false);
        assertEquals(List.of(), SweepArray.pendingTasks(sweep, array, perTask));
        assertEquals(List.of(), SweepArray.collect(sweep, array).missing());
        assertSameTables(local, array);
    }

    @Test
    void aStoppedRunKeepsItsCheckpointAndTheNextTaskResumesIt() throws IOException {
        Sweep sweep = sweep();
        Path local = tmp.resolve("local");
        SweepRunner.run(sweep, local, 2, null);
        Path array = tmp.resolve("array");

        List<SweepRunner.Outcome> stopped = SweepArray.runTask(sweep, array, 0, 6, 2, () -> true);
        assertTrue(stopped.stream().allMatch(o -> o.status() == SweepRunner.Status.STOPPED), stopped.toString());
        Path partial = array.resolve(SweepRunner.POINTS).resolve("p0001-r0" + RunFolder.PARTIAL_SUFFIX);
        assertTrue(Files.exists(partial.resolve(RunFolder.CHECKPOINT)));
        SweepArray.Collected collected = SweepArray.collect(sweep, array);
        assertEquals(6, collected.missing().size());
        assertTrue(collected.missing().get(2).error().startsWith("stopped before its end with a checkpoint"),
                collected.missing().get(2).error());

        // a file that only survives if the run goes on in its partial folder (a fresh start deletes the folder)
        Files.writeString(partial.resolve("marker"), "resumed");
        List<SweepRunner.Outcome> resumed = SweepArray.runTask(sweep, array, 0, 6, 2, () -> false);
        assertTrue(resumed.stream().allMatch(o -> o.status() == SweepRunner.Status.RAN), resumed.toString());
        assertEquals("resumed", Files.readString(array.resolve(SweepRunner.POINTS).resolve("p0001-r0")
                .resolve("marker")));
        SweepArray.collect(sweep, array);
        assertSameTables(local, array);
    }

    @Test
    void aStoppedRunThatAnotherProcessWritesIsNeitherResumedNorStartedOver() throws IOException {
        Sweep sweep = sweep();
        Path array = tmp.resolve("array");
        SweepArray.runTask(sweep, array, 0, 6, 1, () -> true);
        Path run = array.resolve(SweepRunner.POINTS).resolve("p0000-r0");
        Path checkpoint = array.resolve(SweepRunner.POINTS).resolve("p0000-r0" + RunFolder.PARTIAL_SUFFIX)
                .resolve(RunFolder.CHECKPOINT);
        byte[] before = Files.readAllBytes(checkpoint);
        try (FolderLock other = FolderLock.acquire(run, "another task")) {
            List<SweepRunner.Outcome> outcomes = SweepArray.runTask(sweep, array, 0, 1, 1, () -> false);
            assertEquals(SweepRunner.Status.FAILED, outcomes.get(0).status());
            assertTrue(outcomes.get(0).error().contains("being written by another kmc process"),
                    outcomes.get(0).error());
        }
        assertArrayEquals(before, Files.readAllBytes(checkpoint), "the stopped run's checkpoint is kept");
    }

    @Test
    void collectingWhereNoSweepRanIsRefusedAndWritesNothing() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThrows(IllegalArgumentException.class, () -> SweepArray.collect(sweep(), empty));
        try (var entries = Files.list(empty)) {
            assertEquals(0, entries.count());
        }
    }

    @Test
    void aRunThatFailsInATaskIsCollectedWithItsErrorAsInTheLocalSweep() throws IOException {
        // run p0001-r0 gets a config that cannot run (more single-atom environments than the engine's tables hold);
        // its error is an explicit message, not one the JIT may drop from an implicit exception
        Sweep valid = sweep();
        List<Sweep.Run> runs = new ArrayList<>(valid.runs());
        Sweep.Run run = runs.get(2);
        SimulationConfig c = run.config();
        SimulationConfig broken = new SimulationConfig(c.name(), c.seed(), c.units(), c.temperature(), c.lattice(),
                c.metal(), c.electrolyte(), tooManyEnvironments(c.substrate()), c.hops(), c.keepDepositConnected(),
                c.supply(), c.control(), c.stop(), c.output(), c.engine());
        runs.set(2, new Sweep.Run(run.index(), run.point(), run.replicate(), run.valueIndex(), run.id(), run.seed(),
                broken, null));
        Sweep sweep = new Sweep(valid.name(), valid.mode(), valid.replicates(), valid.seed(), valid.axes(),
                valid.seriesAxis(), runs);
        Path local = tmp.resolve("local");
        SweepRunner.run(sweep, local, 2, null);
        Path array = tmp.resolve("array");

        List<SweepRunner.Outcome> task = SweepArray.runTask(sweep, array, 1, 2, 1, () -> false);
        assertEquals(SweepRunner.Status.FAILED, task.get(0).status());
        assertTrue(task.get(0).error().contains("first-layer environments"), task.get(0).error());
        assertEquals(SweepRunner.Status.RAN, task.get(1).status());
        SweepArray.runTask(sweep, array, 0, 2, 1, () -> false);
        SweepArray.runTask(sweep, array, 2, 2, 1, () -> false);
        SweepArray.Collected collected = SweepArray.collect(sweep, array);
        assertEquals(List.of("p0001-r0"), ids(collected.missing()));
        assertEquals(task.get(0).error(), collected.missing().get(0).error());
        assertSameTables(local, array);

        // the next submission runs it again; once it has run, its error is gone
        Path error = array.resolve(SweepArray.FOLDER).resolve("failed").resolve("p0001-r0.txt");
        assertEquals(task.get(0).error(), Files.readString(error));
        SweepArray.runTask(valid, array, 1, 2, 1, () -> false);
        assertFalse(Files.exists(error));
        assertEquals(List.of(), SweepArray.collect(valid, array).missing());
    }

    /**
     * Eight single-atom species whose lateral bonds (powers of 5) add up differently for every mix of neighbours:
     * on the tiny box they make more first-layer environments than the engine's rate tables hold. The loader does
     * not check this; the engine refuses it with a message.
     */
    private static SubstrateConfig tooManyEnvironments(SubstrateConfig substrate) {
        List<SiteConfig> sites = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            sites.add(new SiteConfig(null, "S" + k, 0.3, 0.001 * Math.pow(5, k), 0.11, null,
                    SiteConfig.Placement.RANDOM, null, null, Map.of()));
        }
        return new SubstrateConfig(substrate.host(), sites);
    }

    @Test
    void arraySpecJoinsConsecutiveTasksIntoRanges() {
        assertEquals("0-2,5,7-8", SweepArray.arraySpec(List.of(0, 1, 2, 5, 7, 8)));
        assertEquals("3", SweepArray.arraySpec(List.of(3)));
        assertEquals("1000-1001", SweepArray.arraySpec(List.of(1000, 1001)), "ids compared by value, not identity");
    }

    @Test
    void aTaskOutsideTheArrayIsBadInput() {
        Sweep sweep = sweep();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepArray.runTask(sweep, tmp.resolve("a"), 3, 2, 1, () -> false));
        assertEquals("--task must be from 0 to 2 (6 runs, 2 per task), got 3", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("a")));
    }
}
