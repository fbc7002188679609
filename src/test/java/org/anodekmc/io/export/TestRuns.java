package org.anodekmc.io.export;

import org.anodekmc.TestConfigs;
import org.anodekmc.run.RunExecutor;

import java.nio.file.Path;
import java.util.List;

/** Small real runs to export, quick enough for unit tests (a second or two). */
public final class TestRuns {
    /** Particle type names of {@link #plating}, by species code; "Co N4" must become one token in the files. */
    public static final List<String> PLATING_TYPES = List.of("empty", "M", "H", "Zn-N4", "Co_N4", "M_dead");

    private TestRuns() {
    }

    /** Galvanostatic plating on two substrate layers with two single-atom species; 6 frames. */
    public static Path plating(Path folder) {
        return RunExecutor.run(TestConfigs.yaml(TestConfigs.metal(0.08, 0.45) + """
                seed: 5
                lattice: {size: [20, 16, 10], substrateLayers: 2}
                substrate:
                  host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.45}
                  sites:
                    - {name: Zn-N4, bondEnergy: 0.35, fraction: 0.03}
                    - {name: Co N4, bondEnergy: 0.3, fraction: 0.05}
                control: {mode: galvanostatic, currentDensity: 2.0}
                stop: {charge: 0.00005}
                output: {rows: 10, frames: 5}
                """), folder, null).folder();
    }
}
