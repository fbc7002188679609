package org.anodekmc.run;

import org.anodekmc.TestConfigs;
import org.anodekmc.config.SupplyConfig;
import org.anodekmc.engine.Simulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The factory wires every supply mode: ions arrive and are reduced in each, as many as the deposit gains. */
class EnginesTest {
    @ParameterizedTest
    @EnumSource(SupplyConfig.Mode.class)
    void everySupplyModeBuildsAnEngineThatPlates(SupplyConfig.Mode mode) {
        Simulation sim = Engines.build(TestConfigs.yaml(TestConfigs.metal(0.1, 0.45) + """
                seed: 3
                lattice: {size: [16, 16, 12]}
                substrate: {host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.45}}
                supply: {mode: %s}
                control: {mode: galvanostatic, currentDensity: 5.0}
                stop: {events: 1}
                """.formatted(mode.spelling())));
        sim.advance(Double.POSITIVE_INFINITY, 200, Long.MAX_VALUE);
        assertEquals(200, sim.netIons(), mode.spelling());
        assertTrue(sim.reductions() >= 200, mode.spelling());
        assertEquals(sim.netIons(), sim.metalAtoms(), "the deposit holds every ion reduced (" + mode.spelling() + ")");
    }
}
