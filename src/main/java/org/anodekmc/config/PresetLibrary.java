package org.anodekmc.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Material presets (configs/materials/*.yaml, shipped inside the jar): metals, hosts, single-atom site species and
 * electrolytes. Host, site and electrolyte entries hold one block of values per metal, since a binding energy belongs
 * to a metal–site pair and electron-transfer kinetics to a metal–electrolyte pair.
 */
public final class PresetLibrary {
    public enum Kind {
        METAL("metals"), HOST("hosts"), SITE("sites"), ELECTROLYTE("electrolytes");

        final String file;

        Kind(String file) {
            this.file = file;
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Map<Kind, ObjectNode> byKind = new java.util.EnumMap<>(Kind.class);

    public static PresetLibrary builtIn() {
        PresetLibrary library = new PresetLibrary();
        for (Kind kind : Kind.values()) {
            String resource = "/materials/" + kind.file + ".yaml";
            try (InputStream in = PresetLibrary.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("preset file missing from the build: " + resource);
                }
                library.byKind.put(kind, (ObjectNode) YAML.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return library;
    }

    /** This library with one kind's presets replaced: for tests, a preset file of other content. */
    PresetLibrary replacing(Kind kind, ObjectNode presets) {
        PresetLibrary copy = new PresetLibrary();
        copy.byKind.putAll(byKind);
        copy.byKind.put(kind, presets);
        return copy;
    }

    /** Every preset of a kind, by name, as written in its file. */
    public ObjectNode all(Kind kind) {
        return byKind.get(kind);
    }

    public List<String> names(Kind kind) {
        List<String> names = new ArrayList<>();
        byKind.get(kind).fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The preset's values for use in a run config (a copy). For the others, the block belonging to {@code metal}.
     *
     * @param field the config field that named the preset, for error messages
     */
    public ObjectNode lookup(Kind kind, String name, String metal, String field) {
        Map.Entry<String, JsonNode> entry = find(byKind.get(kind), name);
        if (entry == null) {
            throw new ConfigException(field, "unknown " + kind.name().toLowerCase() + " preset '" + name
                    + "'; available: " + String.join(", ", names(kind)));
        }
        ObjectNode values;
        if (kind == Kind.METAL) {
            values = ((ObjectNode) entry.getValue()).deepCopy();
        } else {
            Map.Entry<String, JsonNode> perMetal = find((ObjectNode) entry.getValue().get("metals"), metal);
            if (perMetal == null) {
                List<String> metals = new ArrayList<>();
                entry.getValue().get("metals").fieldNames().forEachRemaining(metals::add);
                throw new ConfigException(field, "preset '" + entry.getKey() + "' has no data for metal '" + metal
                        + "'; it has: " + String.join(", ", metals));
            }
            values = ((ObjectNode) perMetal.getValue()).deepCopy();
        }
        values.remove("description");
        values.put("preset", entry.getKey());
        if (!values.has("name")) {
            values.put("name", entry.getKey());
        }
        return values;
    }

    private static Map.Entry<String, JsonNode> find(ObjectNode node, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }
}
