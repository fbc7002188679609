package org.anodekmc.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import org.anodekmc.config.EngineConfig;
import org.anodekmc.config.SimulationConfig;

import java.util.List;

/**
 * A checked and expanded sweep: its axes with their values, and every run (point × replicate) with its seed and its
 * resolved config, or the reason the point's config is invalid.
 *
 * @param seriesAxis index of the axis drawn as separate lines, or -1
 */
public record Sweep(String name, SweepDefinition.Mode mode, int replicates, long seed, List<Axis> axes, int seriesAxis,
                    List<Run> runs) {

    public int points() {
        return runs.size() / replicates;
    }

    /** The most threads a run of this sweep runs on ({@code engine.threads}), 1 when none asks for more. */
    public int mostThreadsPerRun() {
        return runs.stream().map(Run::config).filter(c -> c != null)
                .mapToInt(c -> EngineConfig.of(c).threads()).max().orElse(1);
    }

    /**
     * One swept field.
     *
     * @param path   the config field, or null when the axis is not one field (a validation set's systems, each a
     *               config of its own)
     * @param column header in tables, title in plots
     * @param labels how each value is shown in tables and plots
     */
    public record Axis(ConfigPath path, String column, List<JsonNode> values, List<String> labels) {
        /** True when every value is a number and no labels replace them, so plots can use a numeric x axis. */
        public boolean numeric() {
            return values.stream().allMatch(JsonNode::isNumber)
                    && labels.equals(values.stream().map(Axis::show).toList());
        }

        /** A value as tables show it when no label is given: text without quotes, anything else as JSON. */
        static String show(JsonNode value) {
            return value.isTextual() ? value.asText() : value.toString();
        }
    }

    /**
     * One run of the sweep.
     *
     * @param index      position in the sweep, 0-based; rows of sweep.csv are in this order
     * @param valueIndex for each axis, the index of its value at this point
     * @param id         run folder name under points/, e.g. p0003-r1
     * @param config     the run's config, or null when it is invalid
     * @param error      why the config is invalid, or null
     */
    public record Run(int index, int point, int replicate, List<Integer> valueIndex, String id, long seed,
                      SimulationConfig config, String error) {
    }
}
