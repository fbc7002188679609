package org.anodekmc.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a run config (YAML or JSON, same schema), merges material presets and defaults, binds it to
 * {@link SimulationConfig} and validates it. Every problem becomes a {@link ConfigException} naming the field.
 */
public final class ConfigLoader {
    // a key written twice is an error (with its line), not silently the last one
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    private static final ObjectMapper JSON = new ObjectMapper(new JsonFactory()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
    private static final ObjectNode DEFAULTS = readDefaults();

    private final PresetLibrary presets;

    public ConfigLoader(PresetLibrary presets) {
        this.presets = presets;
    }

    public static ConfigLoader withBuiltInPresets() {
        return new ConfigLoader(PresetLibrary.builtIn());
    }

    /** Reads, resolves and validates a config file; the run name defaults to the file name without extension. */
    public SimulationConfig load(Path file) {
        return resolve(readTree(file), baseName(file));
    }

    /** The file as written, parsed but not resolved (sweeps edit this tree before resolving it). */
    public static ObjectNode readTree(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", "config file not found: " + file);
        } catch (CharacterCodingException e) {
            throw new ConfigException("", file + " is not a text file: it holds bytes that are not UTF-8");
        } catch (IOException e) {
            throw new ConfigException("", "cannot read config file " + file + ": " + e.getMessage());
        }
        boolean json = file.getFileName().toString().toLowerCase().endsWith(".json");
        return parse(text, json ? JSON : YAML, file.getFileName().toString());
    }

    /** Reads, resolves and validates a config given as YAML (or JSON) text. */
    public SimulationConfig fromYaml(String yaml, String name) {
        return resolve(parseYaml(yaml, name), name);
    }

    /** Parses YAML (or JSON) text into a tree, without resolving it. */
    public static ObjectNode parseYaml(String yaml, String what) {
        return parse(yaml, YAML, what);
    }

    static ObjectNode parse(String text, ObjectMapper mapper, String what) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String problem = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
            throw new ConfigException("", what + " is malformed" + where + ": " + problem);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new ConfigException("", what + " is empty");
        }
        if (!node.isObject()) {
            throw new ConfigException("", what + " must be a mapping of fields (name: value), not a "
                    + node.getNodeType().toString().toLowerCase());
        }
        return (ObjectNode) node;
    }

    public SimulationConfig resolve(ObjectNode userTree, String defaultName) {
        ObjectNode tree = resolveTree(userTree, defaultName);
        SimulationConfig config = bind(tree, SimulationConfig.class);
        ConfigValidator.validate(config);
        RateLimits.check(config);
        return config;
    }

    /** Presets merged, defaults filled in; not yet bound or validated. */
    public ObjectNode resolveTree(ObjectNode userTree, String defaultName) {
        ObjectNode tree = DEFAULTS.deepCopy();
        ObjectNode user = userTree.deepCopy();
        JsonNode written = userTree.deepCopy();
        resolveMetal(user);
        resolveCrystal(user, written);
        String metalName = user.path("metal").path("name").asText("");
        resolveSubstrate(user, metalName);
        deriveBonds(user, written);
        resolveElectrolyte(user, metalName);
        normalizeOverpotential(user);
        merge(tree, user);
        BoxSize.derive(tree, written);
        if (!tree.hasNonNull("name")) {
            tree.put("name", defaultName);
        }
        requirePrimitives(tree, SimulationConfig.class, "");
        return tree;
    }

    private void resolveMetal(ObjectNode user) {
        JsonNode metal = user.get("metal");
        if (metal == null || metal.isNull()) {
            throw new ConfigException("metal", "missing; name a preset (" + String.join(", ",
                    presets.names(PresetLibrary.Kind.METAL)) + ") or give its values");
        }
        user.set("metal", withPreset(metal, PresetLibrary.Kind.METAL, null, "metal"));
    }

    /**
     * The run's lattice is {@code lattice.type} as written, else the metal's own crystal ({@code metal.crystal}, with
     * {@code metal.cOverA} for hcp unless the config gives {@code lattice.cOverA}), else the default, simple cubic (a
     * metal given by its values alone may name no crystal). The crystal leaves the metal block: the resolved config
     * records the lattice the run used as lattice.type and lattice.cOverA, and so reruns alike.
     */
    private static void resolveCrystal(ObjectNode user, JsonNode written) {
        ObjectNode metal = (ObjectNode) user.get("metal");
        JsonNode crystal = metal.remove("crystal");
        JsonNode cOverA = metal.remove("cOverA");
        ((ObjectNode) metal.get("sources")).remove(List.of("crystal", "cOverA"));
        boolean hasCOverA = cOverA != null && !cOverA.isNull();
        if (crystal == null || crystal.isNull()) {
            if (hasCOverA) {
                throw new ConfigException("metal.cOverA", "belongs to an hcp crystal, and metal.crystal names none");
            }
            return;
        }
        LatticeConfig.Type type = crystal.isTextual() ? LatticeConfig.Type.ofSpelling(crystal.asText()) : null;
        if (type == null) {
            String shown = "'" + (crystal.isTextual() ? crystal.asText() : crystal) + "'";
            String preset = written.path("metal").has("crystal") ? "" : " (metal preset "
                    + metal.path("preset").asText() + ", configs/materials/metals.yaml)";
            throw new ConfigException("metal.crystal", shown + preset + " is not a lattice type; allowed: "
                    + ConfigChoice.allowed(LatticeConfig.Type.class));
        }
        if (hasCOverA && !cOverA.isNumber()) {
            throw new ConfigException("metal.cOverA", "expected a number, got " + cOverA);
        }
        ConfigValidator.cOverA("metal.cOverA", type, hasCOverA ? cOverA.asDouble() : null);
        if (user.get("lattice") instanceof ObjectNode lattice && !lattice.hasNonNull("type")) {
            lattice.put("type", type.spelling());
            if (hasCOverA && !lattice.hasNonNull("cOverA")) {
                lattice.set("cOverA", cOverA);
            }
        }
    }

    /** The run's electrolyte, or else the one the metal preset names. */
    private void resolveElectrolyte(ObjectNode user, String metal) {
        JsonNode electrolyte = user.get("electrolyte");
        if (electrolyte == null || electrolyte.isNull()) {
            String byDefault = user.path("metal").path("electrolyte").asText("");
            if (byDefault.isEmpty()) {
                throw new ConfigException("electrolyte", "missing; name a preset (" + String.join(", ",
                        presets.names(PresetLibrary.Kind.ELECTROLYTE)) + ") or give its values");
            }
            electrolyte = JsonNodeFactory.instance.textNode(byDefault);
        }
        user.set("electrolyte", withPreset(electrolyte, PresetLibrary.Kind.ELECTROLYTE, metal, "electrolyte"));
    }

    private void resolveSubstrate(ObjectNode user, String metal) {
        JsonNode substrate = user.get("substrate");
        if (substrate == null || !substrate.isObject() || !substrate.hasNonNull("host")) {
            throw new ConfigException("substrate.host", "missing; name a host preset (" + String.join(", ",
                    presets.names(PresetLibrary.Kind.HOST)) + ") or give its values");
        }
        ObjectNode sub = (ObjectNode) substrate;
        sub.set("host", withPreset(sub.get("host"), PresetLibrary.Kind.HOST, metal, "substrate.host"));
        JsonNode sites = sub.get("sites");
        if (sites != null && sites.isArray()) {
            ArrayNode resolved = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < sites.size(); i++) {
                ObjectNode site = withPreset(sites.get(i), PresetLibrary.Kind.SITE, metal, "substrate.sites[" + i + "]");
                if (!site.hasNonNull("placement")) {
                    site.put("placement", SiteConfig.Placement.RANDOM.spelling());
                }
                if (!site.hasNonNull("lateralBondEnergy")) {
                    site.put("lateralBondEnergy", 0.0);
                    ((ObjectNode) site.get("sources")).put("lateralBondEnergy",
                            "default: the site binds only the metal atom right above it");
                }
                resolved.add(site);
            }
            sub.set("sites", resolved);
        }
    }

    /**
     * Bonds given by physical quantities (docs/model.md, "Energy mapping"): ε_MM from the metal/electrolyte
     * interfacial energy, ε_host from the contact angle, ε_k from a DFT binding energy. A bond the run config sets
     * itself wins over its preset's quantity, which then no longer describes the run and is dropped.
     */
    private static void deriveBonds(ObjectNode user, JsonNode written) {
        ObjectNode metal = (ObjectNode) user.get("metal");
        derive(metal, written.path("metal"), "metal", "interfacialEnergy", 0, Double.POSITIVE_INFINITY, "J/m²",
                gamma -> EnergyMapping.metalBond(gamma, metal.path("atomicVolume").asDouble()),
                "2·a²·γ (γ the metal/electrolyte interfacial energy)");
        if (!metal.path("bondEnergy").isNumber()) {
            return;
        }
        double metalBond = metal.get("bondEnergy").asDouble();
        JsonNode writtenSubstrate = written.path("substrate");
        if (user.get("substrate") instanceof ObjectNode substrate && substrate.get("host") instanceof ObjectNode host) {
            derive(host, writtenSubstrate.path("host"), "substrate.host", "contactAngle", 0, 180, "degrees",
                    theta -> EnergyMapping.hostBond(metalBond, theta),
                    "ε_MM·(1 + cos θ)/2 (Young–Dupré, θ the contact angle)");
        }
        JsonNode sites = user.path("substrate").path("sites");
        for (int i = 0; i < sites.size(); i++) {
            if (!(sites.get(i) instanceof ObjectNode site) || !site.path("bindingEnergy").isNumber()) {
                continue;
            }
            String field = "substrate.sites[" + i + "]";
            if (!site.path("referenceEnergy").isNumber() && metal.path("cohesiveEnergy").isNumber()) {
                site.set("referenceEnergy", metal.get("cohesiveEnergy"));
                ((ObjectNode) site.get("sources")).put("referenceEnergy", "the metal's cohesive energy ("
                        + metal.path("sources").path("cohesiveEnergy").asText("metal.cohesiveEnergy") + ")");
            }
            JsonNode reference = site.get("referenceEnergy");
            if (reference == null || !reference.isNumber() || !(reference.asDouble() > 0)) {
                throw new ConfigException(field + ".referenceEnergy", "must be a positive number (eV): the metal's own"
                        + " binding computed like bindingEnergy, or give metal.cohesiveEnergy");
            }
            derive(site, writtenSubstrate.path("sites").path(i), field, "bindingEnergy", 0, Double.POSITIVE_INFINITY,
                    "eV", e -> EnergyMapping.siteBond(metalBond, e, reference.asDouble()),
                    "3·ε_MM·E_site/E_metal with E_metal = referenceEnergy = " + reference.asDouble() + " eV");
        }
    }

    /**
     * Sets {@code node.bondEnergy} from the quantity {@code input} when the node has it, unless the config as
     * written sets the bond alone (then the quantity is dropped); a written bond that contradicts the quantity is
     * refused.
     */
    private static void derive(ObjectNode node, JsonNode written, String field, String input, double min, double max,
                               String unit, java.util.function.DoubleUnaryOperator bond, String formula) {
        JsonNode value = node.get(input);
        if (value == null || value.isNull()) {
            return;
        }
        ObjectNode sources = (ObjectNode) node.get("sources");
        if (written.has("bondEnergy") && !written.has(input)) {
            node.remove(input);
            sources.remove(input);
            return;
        }
        if (!value.isNumber() || !(value.asDouble() >= min && value.asDouble() <= max)) {
            throw new ConfigException(field + "." + input, "must be a number from " + min + " to " + max + " " + unit
                    + ", got " + value);
        }
        double derived = bond.applyAsDouble(value.asDouble());
        JsonNode given = node.get("bondEnergy");
        if (written.has("bondEnergy") && given.isNumber()
                && Math.abs(given.asDouble() - derived) > 1e-9 * Math.max(1, Math.abs(derived))) {
            throw new ConfigException(field + ".bondEnergy", "is " + given.asDouble() + " eV but " + input + " = "
                    + value.asDouble() + " " + unit + " gives " + derived + " eV; give one of the two");
        }
        node.put("bondEnergy", derived);
        sources.put("bondEnergy", formula + " with " + input + " = " + value.asDouble() + " " + unit + ": "
                + sources.path(input).asText("run config"));
    }

    /**
     * A preset reference ("Li" or {preset: Li, ...overrides}) becomes the preset's values with the overrides on top;
     * every overridden number's source says it came from the run config.
     */
    private ObjectNode withPreset(JsonNode node, PresetLibrary.Kind kind, String metal, String field) {
        ObjectNode user;
        if (node.isTextual()) {
            user = JsonNodeFactory.instance.objectNode().put("preset", node.asText());
        } else if (node.isObject()) {
            user = ((ObjectNode) node).deepCopy();
        } else {
            throw new ConfigException(field, "must be a preset name or a mapping of values");
        }
        ObjectNode resolved;
        String origin;
        if (user.hasNonNull("preset")) {
            resolved = presets.lookup(kind, user.get("preset").asText(), metal, field + ".preset");
            origin = "run config (overrides preset " + resolved.get("preset").asText() + ")";
        } else {
            resolved = JsonNodeFactory.instance.objectNode();
            origin = "run config";
        }
        ObjectNode sources = resolved.has("sources") ? (ObjectNode) resolved.get("sources")
                : JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = user.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (key.equals("preset") || key.equals("sources")) {
                continue;
            }
            resolved.set(key, e.getValue());
            if (e.getValue().isNumber()) {
                sources.put(key, origin);
            }
        }
        if (user.get("sources") instanceof ObjectNode given) {
            // the given sources first, in their order, so that a resolved config resolves to the same text again
            ObjectNode ordered = given.deepCopy();
            sources.fields().forEachRemaining(e -> {
                if (!ordered.has(e.getKey())) {
                    ordered.set(e.getKey(), e.getValue());
                }
            });
            sources = ordered;
        }
        resolved.set("sources", sources);
        return resolved;
    }

    /** {@code overpotential: 0.05} is shorthand for one step from t = 0. */
    private static void normalizeOverpotential(ObjectNode user) {
        JsonNode control = user.get("control");
        if (control instanceof ObjectNode c && c.has("overpotential") && c.get("overpotential").isNumber()) {
            ArrayNode steps = JsonNodeFactory.instance.arrayNode();
            steps.addObject().put("time", 0.0).set("eta", c.get("overpotential"));
            c.set("overpotential", steps);
        }
    }

    /** Deep merge: objects merge field by field, everything else is replaced. */
    public static void merge(ObjectNode target, ObjectNode overlay) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = target.get(e.getKey());
            if (existing instanceof ObjectNode t && e.getValue() instanceof ObjectNode o) {
                merge(t, o);
            } else {
                target.set(e.getKey(), e.getValue());
            }
        }
    }

    /** Missing numbers and switches are reported by name before binding would silently make them 0 or false. */
    private static void requirePrimitives(JsonNode node, Class<?> type, String path) {
        if (!type.isRecord() || !node.isObject()) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String field = path.isEmpty() ? c.getName() : path + "." + c.getName();
            JsonNode value = node.get(c.getName());
            if (value == null || value.isNull()) {
                if (c.getType().isPrimitive()) {
                    throw new ConfigException(field, "missing; " + describe(c.getType()) + " is required");
                }
                if (c.getType().isRecord() && !c.isAnnotationPresent(SimulationConfig.Optional.class)) {
                    throw new ConfigException(field, "missing; a mapping of its fields is required");
                }
                continue;
            }
            if (c.getType().isRecord()) {
                requirePrimitives(value, c.getType(), field);
            } else if (List.class.isAssignableFrom(c.getType()) && value.isArray()) {
                Class<?> element = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isNull()) {
                        throw new ConfigException(field + "[" + i + "]", "is empty; " + (element.isRecord()
                                ? "a mapping of its fields" : describe(element)) + " is required");
                    }
                    requirePrimitives(value.get(i), element, field + "[" + i + "]");
                }
            }
        }
    }

    /**
     * Binds a tree to a record type with the strict settings of run configs (unknown fields, nulls for numbers and
     * floats for whole numbers are errors); problems become a ConfigException naming the field.
     */
    public static <T> T bind(JsonNode tree, Class<T> type) {
        try {
            return YAML.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(path(e), "unknown field; allowed here: " + known);
        } catch (InvalidFormatException e) {
            Class<?> target = e.getTargetType();
            if (target != null && ConfigChoice.class.isAssignableFrom(target)) {
                throw new ConfigException(path(e), "'" + e.getValue() + "' is not allowed; allowed: "
                        + ConfigChoice.allowed(target));
            }
            throw new ConfigException(path(e), "expected " + (target == null ? "another kind of value"
                    : describe(target)));
        } catch (MismatchedInputException e) {
            Class<?> target = e.getTargetType();
            throw new ConfigException(path(e), "expected " + (target == null ? "another kind of value"
                    : describe(target)));
        } catch (JsonProcessingException e) {
            throw new ConfigException(path(e instanceof JsonMappingException m ? m : null),
                    e.getOriginalMessage().lines().findFirst().orElse("invalid value"));
        }
    }

    private static String path(JsonMappingException e) {
        if (e == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == double.class || type == Double.class || type == float.class) {
            return "a number";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (ConfigChoice.class.isAssignableFrom(type)) {
            return "one of " + ConfigChoice.allowed(type);
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list [ ... ]";
        }
        return "a mapping of fields";
    }

    /** The resolved config as YAML, every default filled in; loading it again gives the same config. */
    public static String toYaml(SimulationConfig config) {
        try {
            return "# resolved by anodekmc: every default and preset value filled in; units in docs/config.md\n"
                    + YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rule for the {@code name} of a run or sweep, which names its output folder: letters, digits, '.', '_' and
     * '-', and not '.' or '..' (which name folders that exist already).
     */
    public static void requireFolderName(String name) {
        if (!name.matches("[A-Za-z0-9._-]+") || name.equals(".") || name.equals("..")) {
            throw new ConfigException("name", "must be a name of letters, digits, '.', '_' or '-', and not '.' or "
                    + "'..' (it names the output folder), got '" + name + "'");
        }
    }

    /** The file name without its extension: the default name of a run or sweep. */
    public static String baseName(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            throw new ConfigException("", file + " is not a config file (a file system root)");
        }
        String n = name.toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static ObjectNode readDefaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("defaults.yaml")) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
