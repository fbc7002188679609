package org.anodekmc.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import org.anodekmc.config.ConfigChoice;

import java.util.List;

/**
 * A sweep file as written (YAML or JSON): a base run config and the axes that vary it. Unset optional fields are null;
 * {@link SweepLoader} fills in defaults, checks everything and expands it into runs.
 *
 * @param name        names the output folder (default: the sweep file's name without extension)
 * @param description free text, for the reader of the file
 * @param base        the base run config: a path relative to the sweep file, or the config itself as a mapping
 * @param axes        the fields that vary, each with its values
 * @param mode        grid (every combination of the axes' values; default) or zip (the i-th values of all axes
 *                    together; every axis has as many values)
 * @param replicates  runs per point with different seeds (default 1)
 * @param seed        master seed; each run's seed is derived from it, the point index and the replicate (default 1)
 * @param series      path of the axis drawn as separate lines in the trend plots; the x axis is then the first
 *                    other axis (default: none; the first axis is the x axis, and in grid mode every combination of
 *                    the other axes' values is a line)
 * @param commonSeeds every point runs replicate r with the same seed (that of point 0), so that points are compared
 *                    run by run on common random numbers (default false: each point's seeds are its own)
 */
public record SweepDefinition(String name, String description, JsonNode base, List<AxisDefinition> axes, Mode mode,
                              Integer replicates, Long seed, String series, Boolean commonSeeds) {
    /** How the axes' values combine into points. */
    public enum Mode implements ConfigChoice { GRID, ZIP }

    /**
     * One swept config field.
     *
     * @param path   dotted config path, e.g. {@code metal.bondEnergy}, {@code substrate.sites[0].bondEnergy}
     * @param name   column header in the tables and axis title of the plots (default: the path)
     * @param values the values, in order; any YAML value (number, text, list, mapping)
     * @param range  instead of values: evenly spaced numbers
     * @param labels optional text for each value, used in tables and plots (e.g. "bare" for {@code []})
     */
    public record AxisDefinition(String path, String name, List<JsonNode> values, RangeDefinition range,
                                 List<String> labels) {
    }

    /**
     * {@code steps} numbers from {@code from} to {@code to}, both included, spaced evenly (linear, default) or by a
     * constant factor (log).
     */
    public record RangeDefinition(Double from, Double to, Integer steps, String scale) {
        public static final String LINEAR = "linear";
        public static final String LOG = "log";
    }
}
