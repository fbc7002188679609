package org.anodekmc.cli;

import org.anodekmc.ConsoleCapture;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets one clear message naming the field, exit code 2, no stack trace and no run folder. */
class BadInputTest {
    private static final String GOOD = """
            lattice: {size: [16, 16, 8]}
            metal: Li
            substrate: {host: Cu}
            stop: {events: 1000}
            """;

    @TempDir
    Path tmp;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err;
    private final ByteArrayOutputStream out = console.out;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing field        | lattice: {size: [16, 16, 8]}\\nmetal: Li\\nstop: {events: 10}       | substrate.host",
            "negative temperature | GOOD\\ntemperature: -20                                         | temperature",
            "unknown species      | metal: Li\\nstop: {events: 10}\\nsubstrate: {host: Cu, sites: [{preset: Xx-N4, fraction: 0.1}]} | substrate.sites[0].preset",
            "malformed YAML       | lattice: {size: [16, 16\\nmetal: Li                                | malformed",
            "unknown field        | GOOD\\ncontrol: {currentDensty: 2}                              | control.currentDensty",
            "wrong type           | GOOD\\noutput: {rows: many}                                     | output.rows",
            "bad allowed value    | GOOD\\nsupply: {mode: teleport}                                 | kinetic, ballistic",
            "name dot             | GOOD\\nname: \".\"                                                | name",
            "name dot dot         | GOOD\\nname: \"..\"                                               | name",
            "name with a slash    | GOOD\\nname: a/b                                                | name",
            "duplicate key        | GOOD\\nstop: {events: 5}                                        | line 5",
            "unknown lattice      | lattice: {type: bcc, size: [16, 16, 8]}\\nmetal: Li\\nsubstrate: {host: Cu}\\nstop: {events: 10} | allowed: simple-cubic, bcc001, bcc110",
            "odd rows on hcp      | lattice: {type: hcp0001, size: [16, 15, 8]}\\nmetal: Li\\nsubstrate: {host: Cu}\\nstop: {events: 10} | size y must be even",
            "unknown crystal      | lattice: {size: [16, 16, 8]}\\nmetal: {preset: Li, crystal: bcc}\\nsubstrate: {host: Cu}\\nstop: {events: 10} | metal.crystal:",
            "box narrow for bands | GOOD\\nengine: {threads: 2}                                     | engine.threads: 2 threads cut the box",
            "threads with ballistic | GOOD\\nengine: {threads: 2}\\nsupply: {mode: ballistic}       | engine.threads: a run on several threads needs supply.mode kinetic",
            "acceleration too tight | GOOD\\nengine: {threads: 1, acceleration: {fastPerSlow: 1}}   | engine.acceleration.fastPerSlow: must be at least 2",
            "acceleration, bond counting | GOOD\\nhops: {law: bond-counting}\\nengine: {threads: 1, acceleration: {fastPerSlow: 100}} | engine.acceleration: scales metropolis hops",
            "c/a of a bcc metal   | lattice: {size: [16, 16, 8]}\\nmetal: {preset: Li, cOverA: 1.8}\\nsubstrate: {host: Cu}\\nstop: {events: 10} | metal.cOverA: only hcp0001",
    })
    void badConfigExitsWithTwoAndNamesTheField(String what, String yaml, String expected) throws IOException {
        Path config = tmp.resolve("bad.yaml");
        Files.writeString(config, yaml.replace("GOOD\\n", GOOD).replace("\\n", "\n"));
        Path folder = tmp.resolve("out");
        int code = Main.execute("run", config.toString(), "--out", folder.toString());
        String message = err.toString();
        assertEquals(2, code, message);
        assertTrue(message.contains(expected), message);
        assertEquals(1, message.strip().lines().count(), "one line: " + message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), message);
        assertFalse(Files.exists(folder) || Files.exists(tmp.resolve("out.partial")), "nothing written");
        assertEquals(2, Main.execute("validate", config.toString()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "export results/x                 | Missing required option: '--format",
            "frobnicate                       | Unmatched argument",
            "run --seed x y.yaml              | '--seed'",
            "sweep s.yaml --threads           | --threads",
            "bench --repeat 0                 | --repeat",
            "bench --sizes 2                  | --sizes",
            "bench --time -5                  | --time",
            "bench --workload thin           | --workload",
    })
    void badCommandLineGetsOneLineNamingTheOption(String args, String expected) {
        assertEquals(2, Main.execute(args.trim().split("\\s+")));
        String message = err.toString();
        assertTrue(message.contains(expected) && message.contains("--help"), message);
        assertEquals(1, message.strip().lines().count(), "one line: " + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "config.json | {\"lattice\": {\"size\": [16, 16, 8]}, \"metal\": \"Li\",\\n \"metal\": \"Na\"} | validate",
            "sweep.yaml  | replicates: 1\\nreplicates: 2\\nbase: good.yaml\\naxes: []                     | sweep",
    })
    void duplicateKeysAreRefusedWithTheirLine(String name, String text, String command) throws IOException {
        Files.writeString(tmp.resolve("good.yaml"), GOOD);
        Path file = Files.writeString(tmp.resolve(name), text.replace("\\n", "\n"));
        assertEquals(2, Main.execute(command, file.toString()));
        String message = err.toString();
        assertTrue(message.contains("at line 2") && message.contains("Duplicate field"), message);
        assertEquals(1, message.strip().lines().count(), "one line: " + message);
    }

    @org.junit.jupiter.api.Test
    void validatePrintWritesOnlyTheConfigToStdoutSoItRunsAgain() throws IOException {
        Path config = Files.writeString(tmp.resolve("good.yaml"), GOOD);
        assertEquals(0, Main.execute("validate", config.toString(), "--print"));
        Path printed = Files.writeString(tmp.resolve("printed.yaml"), out.toString());
        assertTrue(err.toString().contains("valid"), err.toString());
        out.reset();
        assertEquals(0, Main.execute("validate", printed.toString()), err.toString());
        assertTrue(out.toString().contains("printed.yaml: valid (run name 'good')"), out.toString());
    }

    @org.junit.jupiter.api.Test
    void benchNamesTheOptionThatIsWrong() {
        assertEquals(2, Main.execute("bench", "--time", "-1"));
        assertTrue(err.toString().contains("--time") && !err.toString().contains("--max-events"), err.toString());
    }

    @ParameterizedTest
    @CsvSource({"run", "resume", "validate", "sweep", "export", "plot", "render", "view", "bench"})
    void everyCommandPrintsTheVersion(String command) {
        assertEquals(0, Main.execute(command, "-V"));
        assertEquals("anodekmc 0.1.0", out.toString().strip());
    }

    @org.junit.jupiter.api.Test
    void missingFileAndBadOptionAreBadInput() {
        assertEquals(2, Main.execute("run", tmp.resolve("nope.yaml").toString()));
        assertTrue(err.toString().contains("not found"), err.toString());
        assertEquals(2, Main.execute("run", "--seed", "abc", "x.yaml"));
    }

    @org.junit.jupiter.api.Test
    void goodConfigValidates() throws IOException {
        Path config = tmp.resolve("good.yaml");
        Files.writeString(config, GOOD);
        assertEquals(0, Main.execute("validate", config.toString()));
        assertTrue(out.toString().contains("valid"));
    }
}
