package org.anodekmc.viewer;

import org.anodekmc.TestConfigs;
import org.anodekmc.io.CyclingRunTest;
import org.anodekmc.run.RunExecutor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real run folders for the viewer's tests, made once per test JVM by the simulator itself. */
public final class TestRuns {
    private static Path root;
    private static Path plating;
    private static Path large;
    private static Path cycling;

    private TestRuns() {
    }

    private static synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("anodekmc-viewer-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path made = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(made)));
        }
        return root;
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind
        }
    }

    /** Galvanostatic plating on a host with single-atom sites: 24×24, 12 frames; a second or two to make. */
    public static synchronized Path plating() {
        if (plating == null) {
            plating = root().resolve("plating");
            RunExecutor.run(TestConfigs.yaml(TestConfigs.metal(0.08, 0.45) + """
                    name: plating
                    seed: 5
                    lattice: {size: [24, 24, 10]}
                    substrate:
                      host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.45}
                      sites: [{name: S, bondEnergy: 0.35, fraction: 0.03}]
                    control: {mode: galvanostatic, currentDensity: 2.0}
                    stop: {charge: 0.00006}
                    output: {rows: 80, frames: 12}
                    """), plating, null);
        }
        return plating;
    }

    /** Three plating/stripping cycles on a 16² box, six frames (io.CyclingRunTest's run). */
    public static synchronized Path cycling() {
        if (cycling == null) {
            cycling = root().resolve("cycling");
            RunExecutor.run(CyclingRunTest.cycling(3), cycling, null);
        }
        return cycling;
    }

    /** A 512×512 box with 200 frames (random deposition, the fastest supply), for the viewer's scale test. */
    public static synchronized Path large() {
        if (large == null) {
            large = root().resolve("large");
            RunExecutor.run(TestConfigs.yaml(TestConfigs.metal(0.08, 0.45) + """
                    name: large
                    seed: 9
                    lattice: {size: [512, 512, 12]}
                    substrate:
                      host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.45}
                      sites: [{name: S, bondEnergy: 0.35, fraction: 0.02}]
                    supply: {mode: ballistic, landing: column-top}
                    hops: {enabled: false}
                    control: {mode: galvanostatic, currentDensity: 1.0}
                    stop: {charge: 0.0001}
                    output: {rows: 10, frames: 200}
                    """), large, null);
        }
        return large;
    }
}
