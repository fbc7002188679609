package org.anodekmc.config;

/**
 * How one run uses the machine; a config without this section runs on one thread.
 *
 * @param threads      threads of one run: 1 runs the exact serial algorithm; more cut the box into bands of rows
 *                     whose events run in parallel phases of a window (docs/model.md, "Runs on several threads")
 * @param windowEvents at most this mean number of events per band in a window (default
 *                     {@link #DEFAULT_WINDOW_EVENTS}); a window is also at most a quarter of the time the applied
 *                     current takes to move η by maxEtaStep
 * @param acceleration adaptive rate scaling of quasi-equilibrated hops, or null (the default) for none: the run
 *                     is then exact
 */
public record EngineConfig(int threads, Double windowEvents, @SimulationConfig.Optional AccelerationConfig acceleration) {
    public static final double DEFAULT_WINDOW_EVENTS = 100;
    /** The engine of a config without an engine section. */
    public static final EngineConfig SERIAL = new EngineConfig(1, DEFAULT_WINDOW_EVENTS, null);

    /** The engine of a config: one thread unless its engine section says otherwise. */
    public static EngineConfig of(SimulationConfig config) {
        return config.engine() == null ? SERIAL : config.engine();
    }

    public double windowEventsOrDefault() {
        return windowEvents == null ? DEFAULT_WINDOW_EVENTS : windowEvents;
    }
}
