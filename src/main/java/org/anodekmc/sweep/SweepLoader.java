package org.anodekmc.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.anodekmc.config.ConfigException;
import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.EngineConfig;
import org.anodekmc.config.SimulationConfig;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a sweep file, checks it and expands it into runs. Everything that makes the whole sweep meaningless (an
 * unknown field, an axis path that is not a config field, a bad base config) is a {@link ConfigException} raised
 * before any run starts; a value that makes one point's config invalid only marks that point as failed.
 */
public final class SweepLoader {
    static final int MAX_REPLICATES = 10_000;
    static final int MAX_RUNS = 1_000_000;
    /** Range values are rounded to this many significant digits, so that 0.1 + 2·0.1 is written as 0.3. */
    private static final MathContext RANGE_DIGITS = new MathContext(12);
    /** Fields a sweep sets itself for every run. */
    private static final Set<String> RESERVED = Set.of("seed", "name");

    private final ConfigLoader configs;

    public SweepLoader(ConfigLoader configs) {
        this.configs = configs;
    }

    public Sweep load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("", "sweep file not found: " + file);
        }
        SweepDefinition def = ConfigLoader.bind(ConfigLoader.readTree(file), SweepDefinition.class);
        String name = def.name() != null ? def.name() : ConfigLoader.baseName(file);
        ConfigLoader.requireFolderName(name);
        ObjectNode baseRaw = baseTree(def.base(), file);
        ObjectNode baseResolved;
        try {
            baseResolved = configs.resolveTree(baseRaw, name);
        } catch (ConfigException e) {
            throw new ConfigException("base", "the base config is invalid: " + e.getMessage());
        }
        SweepDefinition.Mode mode = def.mode() == null ? SweepDefinition.Mode.GRID : def.mode();
        int replicates = replicates(def.replicates());
        long seed = def.seed() == null ? 1 : def.seed();
        boolean commonSeeds = Boolean.TRUE.equals(def.commonSeeds());
        List<Sweep.Axis> axes = axes(def.axes(), sweepable(baseResolved));
        int series = seriesAxis(def.series(), axes);
        List<List<Integer>> points = mode == SweepDefinition.Mode.GRID ? grid(axes) : zip(axes);
        if ((long) points.size() * replicates > MAX_RUNS) {
            throw new ConfigException("axes", "the sweep asks for " + (long) points.size() * replicates
                    + " runs; at most " + MAX_RUNS);
        }
        List<Sweep.Run> runs = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            ObjectNode raw = baseRaw.deepCopy();
            for (int a = 0; a < axes.size(); a++) {
                Sweep.Axis axis = axes.get(a);
                axis.path().set(raw, baseResolved, axis.values().get(points.get(p).get(a)));
            }
            for (int r = 0; r < replicates; r++) {
                String id = String.format("p%04d-r%d", p, r);
                long runSeed = Seeds.run(seed, commonSeeds ? 0 : p, r);
                ObjectNode tree = raw.deepCopy();
                tree.put("name", name + "-" + id);
                SimulationConfig config = null;
                String error = null;
                try {
                    config = configs.resolve(tree, name).withSeed(runSeed);
                } catch (ConfigException e) {
                    error = e.getMessage();
                }
                runs.add(new Sweep.Run(runs.size(), p, r, points.get(p), id, runSeed, config, error));
            }
        }
        return new Sweep(name, mode, replicates, seed, axes, series, List.copyOf(runs));
    }

    /** The replicates a sweep file asks for: 1 when not given. */
    static int replicates(Integer given) {
        int replicates = given == null ? 1 : given;
        if (replicates < 1 || replicates > MAX_REPLICATES) {
            throw new ConfigException("replicates", "must be between 1 and " + MAX_REPLICATES + ", got " + replicates);
        }
        return replicates;
    }

    private static ObjectNode baseTree(JsonNode base, Path sweepFile) {
        if (base == null || base.isNull()) {
            throw new ConfigException("base", "missing; give the base run config as a path (relative to the sweep "
                    + "file) or as a mapping of its fields");
        }
        if (base.isObject()) {
            return (ObjectNode) base;
        }
        if (!base.isTextual()) {
            throw new ConfigException("base", "must be a path to a run config or a mapping of its fields");
        }
        Path parent = sweepFile.toAbsolutePath().getParent();
        try {
            return ConfigLoader.readTree(parent.resolve(base.asText()));
        } catch (ConfigException e) {
            throw new ConfigException("base", e.getMessage());
        }
    }

    private static List<Sweep.Axis> axes(List<SweepDefinition.AxisDefinition> defs, JsonNode resolvedBase) {
        if (defs == null || defs.isEmpty()) {
            throw new ConfigException("axes", "missing; list at least one axis: {path: metal.bondEnergy, values: [...]}");
        }
        List<Sweep.Axis> axes = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < defs.size(); i++) {
            SweepDefinition.AxisDefinition d = defs.get(i);
            String f = "axes[" + i + "]";
            if (d == null) {
                throw new ConfigException(f, "empty; an axis is {path: metal.bondEnergy, values: [...]}");
            }
            ConfigPath path = path(d.path(), f + ".path", resolvedBase);
            if (!paths.add(path.toString())) {
                throw new ConfigException(f + ".path", "'" + path + "' is swept twice");
            }
            List<JsonNode> values = values(d, f, path.find(resolvedBase).isIntegralNumber());
            List<String> labels = d.labels() != null ? d.labels() : values.stream().map(Sweep.Axis::show).toList();
            if (labels.size() != values.size()) {
                throw new ConfigException(f + ".labels", "gives " + labels.size() + " labels for " + values.size()
                        + " values; give one label per value");
            }
            if (labels.contains(null)) {
                throw new ConfigException(f + ".labels[" + labels.indexOf(null) + "]", "is empty; give a label");
            }
            axes.add(new Sweep.Axis(path, d.name() != null ? d.name() : path.toString(), List.copyOf(values),
                    List.copyOf(labels)));
        }
        return List.copyOf(axes);
    }

    /**
     * The base as axes may name it: with every field of the engine section, which a resolved config leaves out (or
     * holds only in part) unless set.
     */
    private static JsonNode sweepable(ObjectNode resolvedBase) {
        ObjectNode tree = resolvedBase.deepCopy();
        ObjectNode engine = tree.withObject("/engine");
        new ObjectMapper().<ObjectNode>valueToTree(EngineConfig.SERIAL).fields()
                .forEachRemaining(f -> engine.putIfAbsent(f.getKey(), f.getValue()));
        return tree;
    }

    private static ConfigPath path(String text, String field, JsonNode resolvedBase) {
        ConfigPath path;
        try {
            path = ConfigPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(field, e.getMessage());
        }
        if (RESERVED.contains(text)) {
            throw new ConfigException(field, "'" + text + "' is set by the sweep for every run (seeds come from the "
                    + "sweep's seed and replicates; names from the point); sweep another field");
        }
        if (path.find(resolvedBase) == null) {
            throw new ConfigException(field, "'" + text + "' is not a field of the run config; fields there: "
                    + String.join(", ", path.nearbyPaths(resolvedBase)));
        }
        return path;
    }

    private static List<JsonNode> values(SweepDefinition.AxisDefinition d, String f, boolean integral) {
        if ((d.values() == null) == (d.range() == null)) {
            throw new ConfigException(f, "give exactly one of values: [...] or range: {from, to, steps}");
        }
        if (d.values() != null) {
            if (d.values().isEmpty()) {
                throw new ConfigException(f + ".values", "is empty; list at least one value");
            }
            return d.values();
        }
        SweepDefinition.RangeDefinition r = d.range();
        String rf = f + ".range";
        if (r.from() == null || r.to() == null || r.steps() == null) {
            throw new ConfigException(rf, "needs from, to and steps (e.g. {from: 0.1, to: 0.5, steps: 5})");
        }
        if (r.steps() < 1 || r.steps() > MAX_RUNS) {
            throw new ConfigException(rf + ".steps", "must be between 1 and " + MAX_RUNS + ", got " + r.steps());
        }
        String scale = r.scale() == null ? SweepDefinition.RangeDefinition.LINEAR : r.scale();
        boolean log = scale.equals(SweepDefinition.RangeDefinition.LOG);
        if (!log && !scale.equals(SweepDefinition.RangeDefinition.LINEAR)) {
            throw new ConfigException(rf + ".scale", "must be one of linear, log; got '" + scale + "'");
        }
        if (log && !(r.from() > 0 && r.to() > 0)) {
            throw new ConfigException(rf, "a log range needs from and to above 0, got " + r.from() + " and " + r.to());
        }
        List<JsonNode> values = new ArrayList<>();
        for (int k = 0; k < r.steps(); k++) {
            double t = r.steps() == 1 ? 0 : k / (double) (r.steps() - 1);
            double v = log ? r.from() * Math.pow(r.to() / r.from(), t) : r.from() + (r.to() - r.from()) * t;
            if (!Double.isFinite(v)) {
                throw new ConfigException(rf, "from " + r.from() + " to " + r.to() + " gives a value that is not a "
                        + "finite number (" + v + ")");
            }
            values.add(integral ? LongNode.valueOf(Math.round(v))
                    : DoubleNode.valueOf(new BigDecimal(v).round(RANGE_DIGITS).doubleValue()));
        }
        return values;
    }

    private static int seriesAxis(String series, List<Sweep.Axis> axes) {
        if (series == null) {
            return -1;
        }
        for (int a = 0; a < axes.size(); a++) {
            if (axes.get(a).path().toString().equals(series) || axes.get(a).column().equals(series)) {
                if (axes.size() < 2) {
                    throw new ConfigException("series", "needs a second axis for the x axis of the plots");
                }
                return a;
            }
        }
        throw new ConfigException("series", "'" + series + "' is not one of the axes: "
                + String.join(", ", axes.stream().map(x -> x.path().toString()).toList()));
    }

    /** Every combination of the axes' values; the last axis varies fastest. */
    private static List<List<Integer>> grid(List<Sweep.Axis> axes) {
        List<List<Integer>> points = new ArrayList<>();
        points.add(List.of());
        for (Sweep.Axis axis : axes) {
            List<List<Integer>> next = new ArrayList<>();
            for (List<Integer> prefix : points) {
                for (int v = 0; v < axis.values().size(); v++) {
                    List<Integer> point = new ArrayList<>(prefix);
                    point.add(v);
                    next.add(List.copyOf(point));
                }
            }
            if (next.size() > MAX_RUNS) {
                throw new ConfigException("axes", "the grid has more than " + MAX_RUNS + " points");
            }
            points = next;
        }
        return points;
    }

    private static List<List<Integer>> zip(List<Sweep.Axis> axes) {
        int n = axes.get(0).values().size();
        for (int a = 1; a < axes.size(); a++) {
            if (axes.get(a).values().size() != n) {
                throw new ConfigException("axes[" + a + "]", "has " + axes.get(a).values().size() + " values but "
                        + "axes[0] has " + n + "; in zip mode every axis needs the same number");
            }
        }
        List<List<Integer>> points = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            points.add(Collections.nCopies(axes.size(), v));
        }
        return points;
    }

}
