package org.anodekmc.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.anodekmc.TestConfigs;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.io.CheckpointFile;
import org.anodekmc.io.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.anodekmc.run.SameRun.assertSameRun;
import static org.anodekmc.run.SameRun.partial;
import static org.anodekmc.run.SameRun.summaryWithoutWallClock;

/** A run stopped with a checkpoint and resumed ends byte for byte as the same run without the stop. */
class CheckpointResumeTest {
    static final long N = 15_000;

    @TempDir
    Path tmp;

    /** Galvanostatic plating on a host with single-atom sites, stopped after 2N events. */
    static SimulationConfig events(long seed) {
        return events(seed, "simple-cubic");
    }

    private static SimulationConfig events(long seed, String lattice) {
        return plating(seed, lattice, "stop: {events: " + 2 * N + "}\noutput: {rows: 40, frames: 8}\n");
    }

    /** The same plating stopped at a charge: rows fall on an even time grid, where the engine stops its clock. */
    static SimulationConfig charge(long seed) {
        return plating(seed, "simple-cubic", "stop: {charge: 0.00004}\noutput: {rows: 25, frames: 5}\n");
    }

    private static SimulationConfig plating(long seed, String lattice, String stopAndOutput) {
        return TestConfigs.yaml(TestConfigs.metal(0.08, 0.5) + """
                seed: %d
                lattice: {type: %s, size: [16, 16, 12], substrateLayers: %d}
                substrate:
                  host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.45}
                  sites: [{name: S, bondEnergy: 0.35, fraction: 0.05}]
                control: {mode: galvanostatic, currentDensity: 2.0}
                """.formatted(seed, lattice, TestConfigs.reach(lattice)) + stopAndOutput);
    }

    private static RunExecutor.Options options(String checkpointEvery, BooleanSupplier stop) {
        return new RunExecutor.Options(checkpointEvery == null ? null : CheckpointPolicy.parse(checkpointEvery), stop);
    }

    @ParameterizedTest(name = "checkpoint every {0}")
    @ValueSource(strings = {"events", "simulated seconds", "wall minutes"})
    void stoppedAtItsFirstCheckpointAndResumedEqualsTheRunInOneGo(String unit) throws IOException {
        Path straight = RunExecutor.run(events(3), tmp.resolve("straight"), null).folder();
        double totalTime = new ObjectMapper().readTree(straight.resolve(RunFolder.SUMMARY).toFile())
                .get("time_s").asDouble();
        String every = switch (unit) {
            case "events" -> Long.toString(N);
            case "simulated seconds" -> String.format(Locale.ROOT, "%.6gs", totalTime / 3);
            default -> "0.00001m"; // 0.6 ms: well below the run's length however fast the engine gets
        };
        Path run = tmp.resolve("stopped");
        Path checkpoint = partial(run).resolve(RunFolder.CHECKPOINT);
        // stop right after the first periodic checkpoint: the stop writes its own checkpoint at the same moment
        RunInterruptedException stop = assertThrows(RunInterruptedException.class, () -> RunExecutor.run(events(3),
                run, options(every, () -> Files.exists(checkpoint)), null));
        assertTrue(stop.events() < 2 * N, "stopped before the end");
        switch (unit) {
            case "events" -> assertEquals(N, stop.events(), "event checkpoints fall exactly on their count");
            case "simulated seconds" -> assertTrue(stop.time() >= totalTime / 3);
            default -> assertTrue(stop.events() > 0);
        }
        assertEquals(run.toAbsolutePath().normalize(), stop.run().toAbsolutePath().normalize());
        assertFalse(Files.exists(run.resolve(RunFolder.SUMMARY)));

        RunExecutor.Result resumed = RunExecutor.resume(run, RunExecutor.Options.NONE, null);
        assertEquals(run.toAbsolutePath().normalize(), resumed.folder().toAbsolutePath().normalize());
        assertSameRun(straight, run);
        assertEquals(2 * N, summaryWithoutWallClock(run).get("events").asLong());
    }

    static Stream<String> crystals() {
        return Lattice.TYPES.stream().filter(type -> !type.equals("sc"));
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("crystals")
    void aCrystalRunStoppedAndResumedEqualsTheRunInOneGo(String lattice) throws IOException {
        Path straight = RunExecutor.run(events(9, lattice), tmp.resolve("straight"), null).folder();
        Path run = tmp.resolve("stopped");
        Path checkpoint = partial(run).resolve(RunFolder.CHECKPOINT);
        assertThrows(RunInterruptedException.class, () -> RunExecutor.run(events(9, lattice), run,
                options(Long.toString(N), () -> Files.exists(checkpoint)), null));
        RunExecutor.resume(run, RunExecutor.Options.NONE, null);
        assertSameRun(straight, run);
    }

    /** Rate scaling's factors and counts are part of the state: a scaled run resumes exactly too. */
    @Test
    void anAcceleratedRunStoppedAndResumedEqualsTheRunInOneGo() throws IOException {
        SimulationConfig config = plating(4, "simple-cubic", "stop: {events: " + 2 * N + "}\noutput: {rows: 40, "
                + "frames: 8}\nengine: {threads: 1, acceleration: {fastPerSlow: 3, periodEvents: 1000}}\n");
        Path straight = RunExecutor.run(config, tmp.resolve("straight"), null).folder();
        assertTrue(summaryWithoutWallClock(straight).get("acceleration").get("eventGain").asDouble() > 1.5,
                "the scaling must act for this test to mean anything");
        Path run = tmp.resolve("stopped");
        Path checkpoint = partial(run).resolve(RunFolder.CHECKPOINT);
        // 7,500 events: in the middle of a period
        assertThrows(RunInterruptedException.class, () -> RunExecutor.run(config, run,
                options(Long.toString(N / 2), () -> Files.exists(checkpoint)), null));
        RunExecutor.resume(run, RunExecutor.Options.NONE, null);
        assertSameRun(straight, run);
    }

    @Test
    void stoppedAtEveryCheckAndResumedEachTimeEqualsTheRunInOneGo() throws IOException {
        Path straight = RunExecutor.run(charge(5), tmp.resolve("straight"), null).folder();
        Path run = tmp.resolve("stopped");
        RunExecutor.Options stopAtOnce = options(null, () -> true);
        assertThrows(RunInterruptedException.class, () -> RunExecutor.run(charge(5), run, stopAtOnce, null));
        int sessions = 1;
        while (true) {
            sessions++;
            try {
                // resuming the partial folder by its own name works as well as naming the run
                RunExecutor.resume(sessions % 2 == 0 ? run : partial(run), stopAtOnce, null);
                break;
            } catch (RunInterruptedException e) {
                assertTrue(Files.isRegularFile(partial(run).resolve(RunFolder.CHECKPOINT)));
            }
        }
        assertTrue(sessions >= 25, "one session per row at least, was " + sessions);
        assertSameRun(straight, run);
        assertTrue(summaryWithoutWallClock(run).get("nucleation").get("peakEta_V").asDouble() > 0);
    }

    @Test
    void runOfMaterialPresetsResumesFromItsResolvedConfig() throws IOException {
        // the resumed run rebuilds its config from config.resolved.yaml, which names presets and carries their values
        SimulationConfig presets = TestConfigs.yaml("""
                seed: 8
                lattice: {type: simple-cubic, size: [16, 16, 10]}
                metal: Li
                substrate: {host: Cu, sites: [{preset: Zn-CNO, perNm2: 1.0}]}
                control: {mode: galvanostatic, currentDensity: 1.0}
                stop: {events: 8000}
                output: {rows: 10, frames: 2}
                """);
        Path straight = RunExecutor.run(presets, tmp.resolve("straight"), null).folder();
        Path run = tmp.resolve("stopped");
        RunInterruptedException stop = assertThrows(RunInterruptedException.class, () -> RunExecutor.run(presets,
                run, options("3000", () -> Files.exists(partial(run).resolve(RunFolder.CHECKPOINT))), null));
        assertEquals(3000, stop.events());
        RunExecutor.resume(run, RunExecutor.Options.NONE, null);
        assertSameRun(straight, run);
    }

    @Test
    void checkpointsDoNotChangeTheRun() throws IOException {
        Path straight = RunExecutor.run(charge(6), tmp.resolve("straight"), null).folder();
        Path checked = RunExecutor.run(charge(6), tmp.resolve("checked"), options("4999", () -> false), null).folder();
        assertSameRun(straight, checked);
    }

    @Test
    void aLeftoverHalfWrittenCheckpointIsIgnored() throws IOException {
        Path straight = RunExecutor.run(events(3), tmp.resolve("straight"), null).folder();
        Path run = tmp.resolve("stopped");
        Path checkpoint = partial(run).resolve(RunFolder.CHECKPOINT);
        assertThrows(RunInterruptedException.class, () -> RunExecutor.run(events(3), run,
                options(Long.toString(N / 2), () -> Files.exists(checkpoint)), null));
        // what a crash in the middle of writing the next checkpoint leaves behind
        byte[] whole = Files.readAllBytes(checkpoint);
        Files.write(CheckpointFile.temporary(checkpoint), java.util.Arrays.copyOf(whole, whole.length / 2));
        RunExecutor.resume(run, RunExecutor.Options.NONE, null);
        assertSameRun(straight, run);
    }
}
