package org.anodekmc.engine;

import org.anodekmc.TestConfigs;
import org.anodekmc.config.ConfigException;
import org.anodekmc.config.SimulationConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryEstimateTest {
    private static final SimulationConfig BOX = TestConfigs.yaml("""
            metal: Li
            lattice: {type: simple-cubic, size: [512, 512, 16]}
            substrate: {host: Cu}
            control: {mode: galvanostatic, currentDensity: 1.0}
            stop: {time: 0.1}
            """);

    @Test
    void aRunIsAdmittedOnlyToAHeapWithRoomForItsTablesToGrowInOnePiece() {
        long estimate = MemoryEstimate.bytes(BOX);
        assertDoesNotThrow(() -> MemoryEstimate.requireFits(BOX, 2 * estimate));
        ConfigException e = assertThrows(ConfigException.class,
                () -> MemoryEstimate.requireFits(BOX, 2 * estimate - 1));
        assertTrue(e.getMessage().contains("a heap of 2 times that"), e.getMessage());
    }

    @Test
    void runsSideBySideNeedTheHeadroomForAllOfThem() {
        long extra = MemoryEstimate.bytes(BOX) - MemoryEstimate.BASE_BYTES;
        long twoRuns = MemoryEstimate.BASE_BYTES + 2 * extra;
        assertDoesNotThrow(() -> MemoryEstimate.requireFits(BOX, 2, 2 * twoRuns));
        ConfigException e = assertThrows(ConfigException.class,
                () -> MemoryEstimate.requireFits(BOX, 2, 2 * twoRuns - 1));
        assertTrue(e.getMessage().contains("2 runs at once") && e.getMessage().contains("fewer --threads"),
                e.getMessage());
    }
}
