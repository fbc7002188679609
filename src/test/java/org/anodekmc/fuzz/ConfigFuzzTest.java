package org.anodekmc.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.anodekmc.cli.Main;
import org.anodekmc.config.ConfigException;
import org.anodekmc.config.ConfigLoader;
import org.anodekmc.sweep.Sweep;
import org.anodekmc.sweep.SweepLoader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutated run configs and sweep files (fields deleted, duplicated, retyped, nested wrongly, set to extreme or
 * non-finite numbers, garbage bytes) either validate and run a few events, or are refused with exit code 2 and one
 * line naming a field, a line or the file: never a stack trace, never exit 0 with nothing written.
 */
class ConfigFuzzTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String[] RUN_CONFIGS = {"""
            name: fuzz
            seed: 3
            temperature: 298.15
            lattice: {size: [12, 12, 6], substrateLayers: 1, initialMetalLayers: 0}
            metal: Li
            substrate: {host: Cu, sites: [{preset: Zn-CNO, perNm2: 1.0, placement: random}]}
            hops: {law: metropolis, secondShell: true}
            control: {mode: galvanostatic, currentDensity: 1.0, doubleLayerCapacitance: 20, maxEtaStep: 0.0005}
            stop: {events: 40, charge: 0.0002}
            output: {rows: 4, frames: 2}
            """, """
            lattice: {size: [12, 12, 6]}
            metal: {preset: Zn, bondEnergy: 0.04}
            substrate: {host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.45}}
            hops: {law: bond-counting, neighbourBarrier: 0.1}
            control: {mode: potentiostatic, overpotential: [{time: 0, eta: 0.05}, {time: 1.0e-4, eta: 0.02}]}
            stop: {events: 40, time: 1.0}
            output: {rows: 3, frames: 0}
            """, """
            units: reduced
            temperature: 11604.518
            lattice: {size: [12, 12, 8], substrateLayers: 2}
            metal: {name: R, charge: 1, atomicVolume: 21.62, bondEnergy: 1.0, terraceBarrier: 0.0,
                    schwoebelBarrier: 0.0, attemptFrequency: 1.0, exchangeCurrentDensity: 1.0,
                    transferCoefficient: 0.5}
            substrate: {host: {name: S, bondEnergy: 1.0, terraceBarrier: 0.0}}
            hops: {law: bond-counting, neighbourBarrier: 2.0, secondShell: false}
            keepDepositConnected: false
            supply: {mode: ballistic, landing: first-contact}
            control: {currentDensity: 2.8e-6}
            stop: {events: 40}
            output: {rows: 3, frames: 1}
            """};
    private static final String SWEEP = """
            description: fuzz sweep
            base:
              lattice: {size: [12, 12, 6]}
              metal: Li
              substrate: {host: Cu}
              stop: {events: 30}
              output: {rows: 3, frames: 1}
            replicates: 1
            seed: 3
            axes:
              - {path: control.currentDensity, name: current, values: [1.0, 2.0]}
              - {path: temperature, range: {from: 280, to: 300, steps: 1}}
            """;
    /** Values a field is set to: other types, nothing, and numbers at and beyond the edges of every range. */
    private static final List<Function<JsonNodeFactory, JsonNode>> REPLACEMENTS = List.of(
            f -> f.textNode("text"), f -> f.textNode(""), f -> f.booleanNode(true), f -> f.nullNode(),
            f -> f.arrayNode().add(1).add(2), f -> f.objectNode().put("a", 1), f -> f.numberNode(0),
            f -> f.numberNode(-1), f -> f.numberNode(1e308), f -> f.numberNode(-1e308), f -> f.numberNode(1e-308),
            f -> f.numberNode(Double.NaN), f -> f.numberNode(Double.POSITIVE_INFINITY),
            f -> f.numberNode(Double.NEGATIVE_INFINITY), f -> f.numberNode(2147483648L),
            f -> f.numberNode(Long.MAX_VALUE), f -> f.numberNode(1e30), f -> f.numberNode(-0.0),
            f -> f.numberNode(4.5), f -> f.textNode(".nan"));

    /** One change to a config: its kind, which field, which replacement, where in the text. */
    record Mutation(int kind, int field, int replacement, int position, byte[] garbage) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(0, 100_000),
                        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(12))
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 150, shrinking = ShrinkingMode.OFF)
    void mutatedRunConfigsRunOrAreRefused(@ForAll("mutations") List<Mutation> mutations,
                                          @ForAll("baseConfig") int base) throws IOException {
        byte[] text = mutate(RUN_CONFIGS[base], mutations);
        Path dir = Files.createTempDirectory("anodekmc-fuzz");
        try {
            Path file = dir.resolve("c.yaml");
            Files.write(file, text);
            Outcome validated = execute("validate", file.toString());
            if (validated.code == 0) {
                // a valid config runs; its stop is capped at a few events to keep the test short
                ObjectNode tree = ConfigLoader.readTree(file);
                ((ObjectNode) tree.get("stop")).put("events", Math.min(40, tree.path("stop").path("events")
                        .asLong(40)));
                Path capped = dir.resolve("capped.yaml");
                Files.writeString(capped, YAML.writeValueAsString(tree));
                Path out = dir.resolve("run");
                Outcome ran = execute("run", capped.toString(), "--out", out.toString(), "-q");
                Statistics.collect(ran.code == 0 ? "ran" : "refused by run");
                if (ran.code == 0) {
                    assertTrue(Files.isRegularFile(out.resolve("summary.json")), "exit 0 wrote a run: " + ran);
                } else {
                    assertRefused(ran, new String(text, StandardCharsets.UTF_8));
                }
            } else {
                Statistics.collect("refused by validate");
                assertRefused(validated, new String(text, StandardCharsets.UTF_8));
            }
        } finally {
            deleteTree(dir);
        }
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void mutatedSweepFilesRunOrAreRefused(@ForAll("mutations") List<Mutation> mutations) throws IOException {
        byte[] text = mutate(SWEEP, mutations);
        Path dir = Files.createTempDirectory("anodekmc-fuzz");
        try {
            Path file = dir.resolve("s.yaml");
            Files.write(file, text);
            Sweep sweep = null;
            try {
                sweep = new SweepLoader(ConfigLoader.withBuiltInPresets()).load(file);
            } catch (ConfigException e) {
                // refused: the command must say so the same way
            }
            boolean small = sweep == null || sweep.runs().size() <= 4 && sweep.runs().stream()
                    .allMatch(r -> r.config() == null // a point the sweep reports as failed, without running it
                            || r.config().stop().events() != null && r.config().stop().events() <= 100);
            if (!small) {
                return; // a valid but long sweep (e.g. many replicates): loading it was the test
            }
            Path out = dir.resolve("sweep");
            Outcome swept = execute("sweep", file.toString(), "--out", out.toString(), "-q", "--threads", "1");
            String shown = new String(text, StandardCharsets.UTF_8);
            if (sweep == null) {
                assertRefused(swept, shown);
                assertFalse(Files.exists(out), "a refused sweep writes nothing");
            } else {
                assertTrue(swept.code == 0 || swept.code == 1 && swept.err.contains("run(s) failed"),
                        swept + "\n" + shown);
                assertTrue(Files.isRegularFile(out.resolve("sweep.csv")), "the sweep wrote its table: " + swept);
                assertFalse(swept.err.contains("\tat ") || swept.err.contains("Exception"), swept + "\n" + shown);
            }
        } finally {
            deleteTree(dir);
        }
    }

    @Provide
    Arbitrary<Integer> baseConfig() {
        return Arbitraries.integers().between(0, RUN_CONFIGS.length - 1);
    }

    /** Exit 2 with one line that names a field (as written, before a colon), a line, or the file. */
    private static void assertRefused(Outcome o, String config) {
        String context = o + "\nconfig:\n" + config;
        assertEquals(2, o.code, context);
        String message = o.err.strip();
        assertEquals(1, message.lines().count(), "one line: " + context);
        assertFalse(message.contains("\tat ") || message.contains("Exception"), context);
        // a field as written (garbage bytes and all, a colon among them too) before ": ", a line number, or the file
        boolean namesWhat = message.matches("(?s)error: [^\\s:][^\\n]*?: .*")
                || message.matches("(?s).*\\bline \\d+.*") || message.matches("(?s).*\\b[cs]\\.yaml\\b.*");
        assertTrue(namesWhat, "names a field, a line or the file: " + context);
    }

    private record Outcome(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    private static Outcome execute(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Applies the mutations to a YAML text: tree edits on the parsed config, text edits on its YAML. */
    static byte[] mutate(String yaml, List<Mutation> mutations) {
        ObjectNode tree = ConfigLoader.parseYaml(yaml, "base");
        for (Mutation m : mutations) {
            List<Slot> slots = new ArrayList<>();
            collect(tree, slots);
            if (slots.isEmpty()) {
                break;
            }
            Slot s = slots.get(m.field % slots.size());
            JsonNodeFactory f = JsonNodeFactory.instance;
            switch (m.kind) {
                case 0 -> s.remove();
                case 1 -> s.set(REPLACEMENTS.get(m.replacement % REPLACEMENTS.size()).apply(f));
                case 2 -> s.set(f.objectNode().set("value", s.get())); // one level too deep
                case 3 -> { // a field moved into the wrong section
                    JsonNode value = s.get();
                    s.remove();
                    Slot other = slots.get(m.replacement % slots.size());
                    if (other.get() instanceof ObjectNode section) {
                        section.set(s.name(), value);
                    }
                }
                default -> {
                    // text edits, applied to the YAML below
                }
            }
        }
        String text;
        try {
            text = YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (Mutation m : mutations) {
            if (m.kind == 4) {
                bytes = duplicateLine(bytes, m.position);
            } else if (m.kind == 5) {
                bytes = insert(bytes, m.position % (bytes.length + 1), m.garbage);
            }
        }
        return bytes;
    }

    private static byte[] duplicateLine(byte[] bytes, int pick) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        int i = pick % lines.length;
        List<String> out = new ArrayList<>(List.of(lines));
        out.add(i, lines[i]);
        return String.join("\n", out).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] bytes, int at, byte[] garbage) {
        byte[] out = new byte[bytes.length + garbage.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(garbage, 0, out, at, garbage.length);
        System.arraycopy(bytes, at, out, at + garbage.length, bytes.length - at);
        return out;
    }

    /** A place in the tree that holds a value: a field of an object or an element of a list. */
    private record Slot(JsonNode parent, String name, int index) {
        JsonNode get() {
            return parent instanceof ObjectNode o ? o.get(name) : parent.get(index);
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode o) {
                o.remove(name);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(name -> {
                slots.add(new Slot(o, name, -1));
                collect(o.get(name), slots);
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(new Slot(a, "[" + i + "]", i));
                collect(a.get(i), slots);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
