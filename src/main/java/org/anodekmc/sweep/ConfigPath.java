package org.anodekmc.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field of a run config named by its dotted path, such as {@code metal.bondEnergy} or
 * {@code substrate.sites[0].bondEnergy}: looked up in a resolved config tree and set in a user's raw tree.
 */
public final class ConfigPath {
    private static final Pattern STEP = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    /** One step of the path: a field name, or an index into a list when {@code name} is null. */
    private record Step(String name, int index) {
        boolean isIndex() {
            return name == null;
        }
    }

    private final String text;
    private final List<Step> steps;

    private ConfigPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** Parses a path; throws IllegalArgumentException with the reason when it is not of the form a.b[0].c. */
    public static ConfigPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty; give a config field such as metal.bondEnergy");
        }
        List<Step> steps = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            Matcher m = STEP.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a config path of the form "
                        + "field.field[index].field (e.g. substrate.sites[0].bondEnergy)");
            }
            steps.add(new Step(m.group(1), -1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                steps.add(new Step(null, Integer.parseInt(index.group(1))));
            }
        }
        return new ConfigPath(text, List.copyOf(steps));
    }

    /** The node at this path in a tree, or null when the path does not exist there. */
    public JsonNode find(JsonNode tree) {
        JsonNode node = tree;
        for (Step s : steps) {
            node = s.isIndex() ? (node.isArray() ? node.get(s.index) : null)
                    : (node.isObject() ? node.get(s.name) : null);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /**
     * Sets the value in a user's raw config tree so that the loader then resolves it like a hand-written override:
     * a preset given by name ({@code metal: Li}) becomes {@code {preset: Li}} with the field added beside it, and
     * missing mappings are created. A list the raw tree lacks is copied from the resolved tree before its element is
     * replaced.
     */
    public void set(ObjectNode raw, JsonNode resolved, JsonNode value) {
        JsonNode node = raw;
        JsonNode resolvedNode = resolved;
        for (int i = 0; i < steps.size() - 1; i++) {
            Step s = steps.get(i);
            resolvedNode = resolvedNode == null ? null : s.isIndex() ? resolvedNode.get(s.index) : resolvedNode.get(s.name);
            JsonNode child = s.isIndex() ? node.get(s.index) : node.get(s.name);
            JsonNode container = containerFor(child, steps.get(i + 1), resolvedNode);
            if (container != child) {
                put(node, s, container);
            }
            node = container;
        }
        put(node, steps.get(steps.size() - 1), value.deepCopy());
    }

    private static JsonNode containerFor(JsonNode child, Step next, JsonNode resolvedChild) {
        if (next.isIndex()) {
            if (child != null && child.isArray()) {
                return child;
            }
            return resolvedChild != null && resolvedChild.isArray() ? resolvedChild.deepCopy()
                    : JsonNodeFactory.instance.arrayNode();
        }
        if (child != null && child.isObject()) {
            return child;
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        if (child != null && child.isTextual()) {
            object.put("preset", child.asText());
        }
        return object;
    }

    private void put(JsonNode container, Step s, JsonNode value) {
        if (s.isIndex()) {
            ArrayNode array = (ArrayNode) container;
            if (s.index >= array.size()) {
                throw new IllegalArgumentException(text + ": index " + s.index + " is past the end of the list");
            }
            array.set(s.index, value);
        } else {
            ((ObjectNode) container).set(s.name, value);
        }
    }

    /**
     * Where the path leaves the tree, the fields that do exist there, to suggest in an error message: the fields
     * of the deepest mapping the path reaches, as full paths.
     */
    public List<String> nearbyPaths(JsonNode tree) {
        JsonNode node = tree;
        StringBuilder prefix = new StringBuilder();
        for (Step s : steps) {
            JsonNode next = s.isIndex() ? (node.isArray() ? node.get(s.index) : null)
                    : (node.isObject() ? node.get(s.name) : null);
            if (next == null) {
                break;
            }
            prefix.append(s.isIndex() ? "[" + s.index + "]" : (prefix.length() > 0 ? "." : "") + s.name);
            node = next;
        }
        List<String> fields = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!name.equals("sources") && !name.equals("description")) {
                    fields.add(prefix.length() > 0 ? prefix + "." + name : name);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                fields.add(prefix + "[" + i + "]");
            }
        }
        return fields;
    }

    @Override
    public String toString() {
        return text;
    }
}
