package org.anodekmc.sweep;

import org.anodekmc.TestConfigs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sweep files for tests: a tiny galvanostatic box with explicit material values (no presets), a few seconds in all. */
final class SweepFiles {
    private SweepFiles() {
    }

    /** The base config, indented to sit under {@code base:}. */
    static String tinyBase() {
        String config = TestConfigs.metal(0.08, 0.45) + """
                lattice: {size: [12, 12, 8]}
                substrate:
                  host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.45}
                  sites: [{name: S, bondEnergy: 0.3, fraction: 0.05}]
                control: {mode: galvanostatic, currentDensity: 2.0}
                stop: {events: 2000}
                output: {rows: 20, frames: 0}
                """;
        return "base:\n" + config.indent(2);
    }

    /** Writes a sweep file: the tiny base plus the given top-level fields (axes, replicates, ...). */
    static Path write(Path dir, String name, String fields) {
        Path file = dir.resolve(name + ".yaml");
        try {
            Files.writeString(file, tinyBase() + fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
