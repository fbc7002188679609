package org.anodekmc.config;

import org.anodekmc.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Implausible values get a warning naming field, value and range; values that cannot work are refused. */
class PlausibilityTest {
    private static final String GOOD = """
            lattice: {type: simple-cubic, size: [16, 16, 8]}
            metal: Li
            substrate: {host: Cu}
            stop: {charge: 0.0002}
            """;

    private static List<String> warnings(String extra) {
        // a metal given here replaces the one of GOOD (a key written twice is refused)
        String base = extra.startsWith("metal:") ? GOOD.replace("metal: Li\n", "") : GOOD;
        return Plausibility.warnings(TestConfigs.yaml(base + extra));
    }

    @Test
    void aTemperatureInCelsiusAsksWhetherCelsiusWasMeant() {
        List<String> w = warnings("temperature: 25\n");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("temperature: 25 K") && w.get(0).contains("°C")
                && w.get(0).contains("298.15 K"), w.get(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "temperature: 900                          | temperature: 900 K | 150 to 500 K",
            "control: {currentDensity: 1e30}           | control.currentDensity: 1.00e+30 mA/cm² | 0.001 to 1000",
            "metal: {preset: Li, attemptFrequency: 5}  | metal.attemptFrequency: 5 1/s | 1.00e+11 to 1.00e+15",
            "control: {doubleLayerCapacitance: 1e5}    | control.doubleLayerCapacitance: 100000 μF/cm² | 1 to 1000",
            "metal: {preset: Li, bondEnergy: 9}        | metal.bondEnergy: 9 eV | 0 to 5 eV",
    })
    void implausibleValuesAreNamedWithTheirRange(String extra, String field, String range) {
        List<String> w = warnings(extra + "\n");
        assertTrue(w.stream().anyMatch(s -> s.startsWith(field) && s.contains(range)), w.toString());
    }

    @Test
    void shippedConfigsGetNoWarnings() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("configs/examples"))) {
            for (Path f : files.toList()) {
                List<String> w = Plausibility.warnings(ConfigLoader.withBuiltInPresets().load(f));
                assertEquals(List.of(), w, f.toString());
            }
        }
        assertEquals(List.of(), Plausibility.warnings(ConfigLoader.withBuiltInPresets()
                .load(Path.of("configs/quickstart.yaml"))));
    }

    @Test
    void theReducedUnitBenchDeclaresItselfAndGetsNoWarnings() throws IOException {
        String bench;
        try (InputStream in = PlausibilityTest.class.getResourceAsStream("/bench/standard.yaml")) {
            bench = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        SimulationConfig c = TestConfigs.yaml(bench);
        assertEquals(SimulationConfig.UnitSystem.REDUCED, c.units());
        assertEquals(List.of(), Plausibility.warnings(c));
        // the same numbers declared physical are implausible (kT = 1 eV, ν = 1/s)
        List<String> physical = Plausibility.warnings(TestConfigs.yaml(bench.replace("units: reduced",
                "units: physical")));
        assertTrue(physical.stream().anyMatch(s -> s.startsWith("temperature: 11604.5 K")), physical.toString());
        assertTrue(physical.stream().anyMatch(s -> s.startsWith("metal.attemptFrequency")), physical.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"temperature: 1", "temperature: 1e6"})
    void temperaturesThatCannotWorkAreRefused(String line) {
        ConfigException e = assertThrows(ConfigException.class, () -> TestConfigs.yaml(GOOD + line + "\n"));
        assertEquals("temperature", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("cannot work"), e.getMessage());
    }

    @Test
    void aTimeStepBelowTheClocksResolutionIsRefused() {
        // η is held for maxEtaStep·C_dl/j = 1e-5 s, less than the spacing of doubles near 1e12 s (1.2e-4 s)
        ConfigException e = assertThrows(ConfigException.class, () -> TestConfigs.yaml("""
                lattice: {type: simple-cubic, size: [16, 16, 8]}
                metal: Li
                substrate: {host: Cu}
                stop: {time: 1.0e12}
                """));
        assertEquals("control.maxEtaStep", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("clock's resolution"), e.getMessage());
    }

    @Test
    void aCurrentNoRateCanCarryIsRefused() {
        // Li sites are (21.6 Å³)^(2/3) = 7.8e-16 cm²: 1e300 mA/cm² is 1e297 A/cm², 4.8e281 ions per site and second
        // (e^648); 1e30 mA/cm² (e^71) only gets a warning
        ConfigException e = assertThrows(ConfigException.class, () -> TestConfigs.yaml(GOOD
                + "control: {currentDensity: 1.0e300}\n"));
        assertEquals("control.currentDensity", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("cannot work"), e.getMessage());
        assertEquals(1.0e30, TestConfigs.yaml(GOOD + "control: {currentDensity: 1.0e30}\n").control().currentDensity());
    }

    @Test
    void etaStepsTooSmallForTheBoxAreRefused() {
        // a 16² Li box is 256 × (21.58 Å³)^(2/3) = 1.984e-13 cm²; at 20 μF/cm² one ion moves η by
        // 1.602e-19 C / 3.969e-18 F = 0.0404 V: in steps of 1e-9 V 4e7 steps per ion (refused), of 1e-7 V 4e5 (accepted)
        ConfigException e = assertThrows(ConfigException.class, () -> TestConfigs.yaml(GOOD
                + "control: {maxEtaStep: 1.0e-9}\n"));
        assertEquals("control.maxEtaStep", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("moves η by 0.0404 V"), e.getMessage());
        assertEquals(1.0e-7, TestConfigs.yaml(GOOD + "control: {maxEtaStep: 1.0e-7}\n").control().maxEtaStep());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "control: {initialOverpotential: 3}                  | control.initialOverpotential",
            "engine: {threads: 2, windowEvents: 0.5}             | engine.windowEvents",
            "supply: {mode: diffusion-limited, sticking: 1.0e-7} | supply.sticking",
    })
    void valuesThatWouldNeverFinishAreRefused(String extra, String field) {
        ConfigException e = assertThrows(ConfigException.class, () -> TestConfigs.yaml(GOOD + extra + "\n"));
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void unitsMustBeNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> TestConfigs.yaml(GOOD + "units: SI\n"));
        assertEquals("units", e.field());
    }
}
