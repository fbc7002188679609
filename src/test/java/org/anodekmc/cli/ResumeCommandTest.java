package org.anodekmc.cli;

import org.anodekmc.ConsoleCapture;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.anodekmc.TestConfigs;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.run.CheckpointPolicy;
import org.anodekmc.run.RunExecutor;
import org.anodekmc.io.RunFolder;
import org.anodekmc.run.RunInterruptedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kmc resume: a damaged, truncated or mismatched checkpoint is refused with one clear message, never resumed. */
class ResumeCommandTest {
    @TempDir
    Path tmp;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err;
    private final ByteArrayOutputStream out = console.out;

    private static SimulationConfig config() {
        return TestConfigs.yaml(TestConfigs.metal(0.08, 0.5) + """
                seed: 2
                lattice: {size: [16, 16, 10]}
                substrate: {host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.45}}
                control: {mode: galvanostatic, currentDensity: 2.0}
                stop: {events: 6000}
                output: {rows: 12, frames: 3}
                """);
    }

    /** A run stopped after its first rows, with its checkpoint in run.partial/. */
    private Path stoppedRun() {
        Path run = tmp.resolve("run");
        assertThrows(RunInterruptedException.class, () -> RunExecutor.run(config(), run,
                new RunExecutor.Options(CheckpointPolicy.parse("1000"), () -> true), null));
        return run;
    }

    private Path partial(Path run) {
        return run.resolveSibling(run.getFileName() + RunFolder.PARTIAL_SUFFIX);
    }

    /** Exit code 2, one line naming the problem, no stack trace, and the stopped run left as it was. */
    private void assertRefused(Path run, String expected) throws IOException {
        byte[] series = Files.readAllBytes(partial(run).resolve(RunFolder.TIMESERIES));
        int code = Main.execute("resume", run.toString(), "-q");
        String message = err.toString();
        assertEquals(2, code, message);
        assertTrue(message.contains(expected), message);
        assertEquals(1, message.strip().lines().count(), "one line: " + message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), message);
        assertArrayEquals(series, Files.readAllBytes(partial(run).resolve(RunFolder.TIMESERIES)), "untouched");
        assertFalse(Files.exists(run), "no finished folder");
    }

    @ParameterizedTest(name = "cut to {0} bytes")
    @CsvSource({"0", "11", "60", "half", "all but one"})
    void truncatedCheckpointIsRefused(String length) throws IOException {
        Path run = stoppedRun();
        Path checkpoint = partial(run).resolve(RunFolder.CHECKPOINT);
        byte[] whole = Files.readAllBytes(checkpoint);
        int keep = switch (length) {
            case "half" -> whole.length / 2;
            case "all but one" -> whole.length - 1;
            default -> Integer.parseInt(length);
        };
        Files.write(checkpoint, Arrays.copyOf(whole, keep));
        assertRefused(run, "is truncated or corrupt");
    }

    @ParameterizedTest(name = "byte {0} changed")
    @CsvSource(delimiter = '|', value = {
            "0           | is not an anodekmc checkpoint",
            "11          | has format version",
            "20          | is truncated or corrupt (its checksum does not match)",
            "middle      | is truncated or corrupt (its checksum does not match)",
            "last        | is truncated or corrupt (its checksum does not match)"})
    void damagedCheckpointIsRefused(String where, String expected) throws IOException {
        Path run = stoppedRun();
        Path checkpoint = partial(run).resolve(RunFolder.CHECKPOINT);
        byte[] bytes = Files.readAllBytes(checkpoint);
        int at = switch (where) {
            case "middle" -> bytes.length / 2;
            case "last" -> bytes.length - 1;
            default -> Integer.parseInt(where);
        };
        bytes[at] ^= 0x10;
        Files.write(checkpoint, bytes);
        assertRefused(run, expected);
    }

    @Test
    void changedConfigIsRefused() throws IOException {
        Path run = stoppedRun();
        Path config = partial(run).resolve(RunFolder.CONFIG);
        Files.writeString(config, Files.readString(config).replace("seed: 2", "seed: 3"));
        assertRefused(run, "config.resolved.yaml in");
        assertTrue(err.toString().contains("changed after the checkpoint was written"), err.toString());
    }

    @Test
    void shortenedTimeSeriesIsRefused() throws IOException {
        Path run = stoppedRun();
        Path series = partial(run).resolve(RunFolder.TIMESERIES);
        byte[] bytes = Files.readAllBytes(series);
        Files.write(series, Arrays.copyOf(bytes, bytes.length - 5));
        assertRefused(run, "timeseries.csv is shorter than when the checkpoint was written");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"timeseries.csv", "trajectory.bin"})
    void anOutputChangedAtItsLengthIsRefused(String name) throws IOException {
        // found in review: a swapped output of the same or greater length was resumed and continued (exit 0)
        Path run = stoppedRun();
        Path file = partial(run).resolve(name);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 2] ^= 1;
        Files.write(file, bytes);
        assertRefused(run, name + " is not what it was when the checkpoint was written");
    }

    @Test
    void missingCheckpointIsRefused() throws IOException {
        Path run = stoppedRun();
        Files.delete(partial(run).resolve(RunFolder.CHECKPOINT));
        assertRefused(run, "no checkpoint in");
    }

    @Test
    void nothingToResume() throws IOException {
        assertEquals(2, Main.execute("resume", tmp.resolve("nothing").toString()));
        assertTrue(err.toString().contains("no interrupted run at"), err.toString());
        Path finished = RunExecutor.run(config(), tmp.resolve("done"), null).folder();
        assertEquals(2, Main.execute("resume", finished.toString()));
        assertTrue(err.toString().contains("is a finished run: there is nothing to resume"), err.toString());
    }

    @Test
    void resumeFinishesTheRunAndSaysWhere() throws IOException {
        Path run = stoppedRun();
        assertEquals(0, Main.execute("resume", partial(run).toString(), "-q"), err.toString());
        assertTrue(out.toString().contains("results in " + run + "/"), out.toString());
        assertTrue(Files.isRegularFile(run.resolve(RunFolder.SUMMARY)));
        assertFalse(Files.exists(partial(run)));
    }

    @ParameterizedTest
    @CsvSource({"10x", "0", "-5", "1.5", "0s", "NaNm", "m"})
    void badCheckpointIntervalIsBadInput(String every) throws IOException {
        Path config = tmp.resolve("c.yaml");
        Files.writeString(config, """
                lattice: {size: [16, 16, 8]}
                metal: Li
                substrate: {host: Cu}
                stop: {events: 1000}
                """);
        Path folder = tmp.resolve("out");
        assertEquals(2, Main.execute("run", config.toString(), "--out", folder.toString(), "--checkpoint-every",
                every));
        assertTrue(err.toString().contains("--checkpoint-every: '" + every + "' is not a positive N (events"),
                err.toString());
        assertFalse(Files.exists(folder) || Files.exists(partial(folder)), "nothing written");
    }
}
