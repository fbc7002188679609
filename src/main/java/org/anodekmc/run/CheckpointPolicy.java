package org.anodekmc.run;

import java.util.Locale;

/**
 * How often a run writes a checkpoint ({@code --checkpoint-every}): every N events ({@code 10000000}), every X
 * simulated seconds ({@code 0.5s}) or every X minutes of wall-clock time ({@code 10m}). Event checkpoints fall exactly
 * on the event count; the others are taken at the run's first check after the moment (checks come every 2^18 events
 * and at every row and frame), because stopping the clock at an arbitrary time would change the run.
 */
public record CheckpointPolicy(Unit unit, double every, String spec) {
    /** What the interval counts. */
    public enum Unit { EVENTS, SIMULATED_SECONDS, WALL_MINUTES }

    public static final String SYNTAX = "N (events, e.g. 10000000), Xs (simulated seconds, e.g. 0.5s) or Xm "
            + "(wall-clock minutes, e.g. 10m)";

    /** @throws IllegalArgumentException naming the option and the accepted forms */
    public static CheckpointPolicy parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("s")) {
                return positive(Unit.SIMULATED_SECONDS, Double.parseDouble(s.substring(0, s.length() - 1)), spec);
            }
            if (s.endsWith("m")) {
                return positive(Unit.WALL_MINUTES, Double.parseDouble(s.substring(0, s.length() - 1)), spec);
            }
            return positive(Unit.EVENTS, Long.parseLong(s), spec);
        } catch (NumberFormatException e) {
            throw invalid(spec);
        }
    }

    /** Event count of the next checkpoint after {@code events} (never, unless the policy counts events). */
    long nextEvents(long events) {
        return unit == Unit.EVENTS ? (events / (long) every + 1) * (long) every : Long.MAX_VALUE;
    }

    /** Simulated time of the next checkpoint after {@code time}, s. */
    double nextTime(double time) {
        return unit == Unit.SIMULATED_SECONDS ? (Math.floor(time / every) + 1) * every : Double.POSITIVE_INFINITY;
    }

    /** {@link System#nanoTime()} of the next checkpoint after one written at {@code nanos} (wall-clock unit only). */
    long nextWallNanos(long nanos) {
        return nanos + (long) (every * 60e9);
    }

    private static CheckpointPolicy positive(Unit unit, double every, String spec) {
        if (!(every > 0) || Double.isInfinite(every)) {
            throw invalid(spec);
        }
        return new CheckpointPolicy(unit, every, spec.trim());
    }

    private static IllegalArgumentException invalid(String spec) {
        return new IllegalArgumentException("--checkpoint-every: '" + spec + "' is not a positive " + SYNTAX);
    }
}
