package org.anodekmc.transport;

import org.anodekmc.TestConfigs;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.engine.Simulation;
import org.anodekmc.run.Engines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A simulation restored from its written state continues exactly as the original, event for event. */
class SimulationStateTest {
    private static final double NEVER = Double.POSITIVE_INFINITY;

    private static String substrate() {
        return """
                substrate:
                  host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.45}
                  sites: [{name: S, bondEnergy: 0.35, fraction: 0.05}]
                """;
    }

    static SimulationConfig config(String control) {
        String body = switch (control) {
            // hops, reductions and oxidations with η moving after every electron transfer
            case "galvanostatic" -> """
                    lattice: {size: [16, 16, 14]}
                    control: {mode: galvanostatic, currentDensity: 2.0}
                    """;
            // η steps in time, on a metal film that grows and dissolves at the steps
            case "potentiostatic" -> """
                    lattice: {size: [16, 16, 12], initialMetalLayers: 2}
                    control: {mode: potentiostatic, overpotential: [{time: 0, eta: 0.02}, {time: 0.02, eta: -0.03},
                              {time: 0.04, eta: 0.05}]}
                    """;
            // ballistic arrivals draw their column from the same generator
            case "ballistic" -> """
                    lattice: {size: [16, 16, 40]}
                    supply: {mode: ballistic}
                    control: {mode: galvanostatic, currentDensity: 5.0}
                    """;
            // a large box, not a power of two wide (the lattice numbers its sites by arithmetic, not bit fields)
            case "large box" -> """
                    lattice: {size: [72, 72, 52]}
                    control: {mode: galvanostatic, currentDensity: 20.0}
                    """;
            // random walkers start from a reservoir plane that follows the highest point of the deposit
            case "diffusion-limited" -> """
                    lattice: {size: [16, 16, 40]}
                    supply: {mode: diffusion-limited, reservoirDistance: 8, sticking: 0.5}
                    control: {mode: galvanostatic, currentDensity: 5.0}
                    """;
            default -> throw new IllegalArgumentException(control);
        };
        return TestConfigs.yaml(TestConfigs.metal(0.08, 0.6) + substrate() + body + "seed: 11\nstop: {events: 1000000}\n");
    }

    static byte[] state(Simulation sim) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sim.writeState(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    static Simulation restored(SimulationConfig config, byte[] state) throws IOException {
        Simulation sim = Engines.build(config);
        sim.readState(new DataInputStream(new ByteArrayInputStream(state)));
        return sim;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"galvanostatic", "potentiostatic", "ballistic", "diffusion-limited", "large box"})
    void nEventsThenRestoreThenNEqualTwoNInOneGo(String control) throws IOException {
        SimulationConfig config = config(control);
        long n = 20_000;
        Simulation first = Engines.build(config);
        assertEquals(Simulation.Stop.TARGET, first.advance(NEVER, Long.MAX_VALUE, n));
        byte[] middle = state(first);
        Simulation resumed = restored(config, middle);
        assertArrayEquals(middle, state(resumed), "restoring reproduces the state byte for byte");

        Simulation.Stop stop = resumed.advance(NEVER, Long.MAX_VALUE, 2 * n);
        Simulation straight = Engines.build(config);
        assertEquals(stop, straight.advance(NEVER, Long.MAX_VALUE, 2 * n));
        assertEquals(2 * n, straight.events(), "the run must not end early, or the test would compare little");
        assertTrue(straight.reductions() > 50 && straight.count("hops") > 1000, "all kinds of events took part");
        assertArrayEquals(state(straight), state(resumed));
        assertEquals(straight.time(), resumed.time());
        assertEquals(straight.eta(), resumed.eta());
    }

    @Test
    void stateOfAnotherBoxIsRefused() throws IOException {
        Simulation small = Engines.build(config("galvanostatic"));
        small.advance(NEVER, Long.MAX_VALUE, 1000);
        SimulationConfig other = config("potentiostatic");
        IOException e = assertThrows(IOException.class, () -> restored(other, state(small)));
        assertTrue(e.getMessage().contains("sites"), e.getMessage());
    }
}
