package org.anodekmc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anodekmc.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What `kmc run` prints when a run ends. */
class RunCommandTest {
    @TempDir
    Path tmp;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    /** A scaled run names the channel it slowed most and the barrier shift that amounts to, as summary.json has it. */
    @Test
    void anAcceleratedRunSaysWhichBarrierItsMostSlowedHopsRanWith() throws IOException {
        Path config = tmp.resolve("scaled.yaml");
        Files.writeString(config, """
                seed: 3
                metal: Li
                lattice: {type: simple-cubic, size: [32, 32, 10]}
                substrate: {host: {preset: Cu, terraceBarrier: 0.42}}
                control: {mode: galvanostatic, currentDensity: 1.0}
                engine: {threads: 1, acceleration: {fastPerSlow: 10, periodEvents: 10000}}
                stop: {events: 100000}
                """);
        Path run = tmp.resolve("run");
        assertEquals(0, Main.execute("run", config.toString(), "--out", run.toString(), "--quiet"));
        JsonNode slowest = null;
        for (JsonNode c : new ObjectMapper().readTree(run.resolve("summary.json").toFile())
                .get("acceleration").get("scaledChannels")) {
            if (slowest == null || c.get("averageBarrierShift_eV").asDouble()
                    > slowest.get("averageBarrierShift_eV").asDouble()) {
                slowest = c;
            }
        }
        assertTrue(slowest != null && slowest.get("averageBarrierShift_eV").asDouble() > 0.01, "nothing was slowed");
        String expected = String.format(Locale.ROOT, "slowed most: %s, as if its barriers were %.3f eV higher",
                slowest.get("hops").asText(), slowest.get("averageBarrierShift_eV").asDouble());
        String printed = console.out.toString();
        assertTrue(printed.contains("rate scaling: ") && printed.contains(expected), printed);
    }
}
