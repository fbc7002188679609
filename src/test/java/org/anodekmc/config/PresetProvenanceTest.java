package org.anodekmc.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every number and every crystal in a material preset says where it comes from. */
class PresetProvenanceTest {
    @Test
    void everyPresetNumberAndCrystalHasASource() {
        PresetLibrary presets = PresetLibrary.builtIn();
        List<String> missing = new ArrayList<>();
        int numbers = 0;
        for (PresetLibrary.Kind kind : PresetLibrary.Kind.values()) {
            for (Map.Entry<String, JsonNode> preset : iterable(presets.all(kind))) {
                List<Map.Entry<String, JsonNode>> blocks = new ArrayList<>();
                if (kind == PresetLibrary.Kind.METAL) {
                    blocks.add(preset);
                } else {
                    iterable(preset.getValue().get("metals")).forEach(blocks::add);
                }
                for (Map.Entry<String, JsonNode> block : blocks) {
                    JsonNode sources = block.getValue().path("sources");
                    for (Map.Entry<String, JsonNode> field : iterable(block.getValue())) {
                        if (!field.getValue().isNumber() && !field.getKey().equals("crystal")) {
                            continue;
                        }
                        numbers++;
                        String source = sources.path(field.getKey()).asText("");
                        if (source.isBlank() || source.toLowerCase().contains("provisional")) {
                            missing.add(kind + " " + preset.getKey() + "/" + block.getKey() + "." + field.getKey());
                        }
                    }
                }
            }
        }
        assertTrue(numbers > 30, "presets hold " + numbers + " numbers");
        assertTrue(missing.isEmpty(), "numbers and crystals without a source: " + missing);
    }

    /** A crystal is a lattice type the engine runs, and an hcp crystal gives its c/a (with a source, above). */
    @Test
    void everyMetalPresetNamesItsCrystal() {
        for (Map.Entry<String, JsonNode> metal : iterable(PresetLibrary.builtIn().all(PresetLibrary.Kind.METAL))) {
            LatticeConfig.Type crystal = LatticeConfig.Type.ofSpelling(metal.getValue().path("crystal").asText());
            assertNotNull(crystal, metal.getKey() + " names no known crystal");
            assertEquals(crystal == LatticeConfig.Type.HCP0001, metal.getValue().path("cOverA").isNumber(),
                    metal.getKey() + ": a c/a exactly when hcp");
        }
    }

    @Test
    void everyPresetResolvesForItsMetals() {
        ConfigLoader loader = ConfigLoader.withBuiltInPresets();
        PresetLibrary presets = PresetLibrary.builtIn();
        for (Map.Entry<String, JsonNode> host : iterable(presets.all(PresetLibrary.Kind.HOST))) {
            for (Map.Entry<String, JsonNode> metal : iterable(host.getValue().get("metals"))) {
                SimulationConfig c = loader.fromYaml("""
                        lattice: {size: [8, 8, 6]}
                        metal: %s
                        substrate: {host: %s}
                        stop: {events: 1}
                        """.formatted(metal.getKey(), host.getKey()), "p");
                assertFalse(c.substrate().host().sources().isEmpty());
            }
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
