package org.anodekmc.config;

/**
 * Adaptive rate scaling of quasi-equilibrated hops (docs/model.md, "Accelerated runs"): every {@code periodEvents}
 * events, each channel of mutually reverse hops that fired at least {@code minEvents} times, forward and backward
 * within {@code balance} of each other, is slowed until it is at most {@code fastPerSlow} times as likely as the
 * events that are not quasi-equilibrated (redox, arrivals, hops with a net direction); any other channel runs at its
 * own rate.
 *
 * @param fastPerSlow  the error control: larger is closer to the unaccelerated run and slower
 * @param balance      largest |forward − backward| / (forward + backward) of a quasi-equilibrated channel
 *                     (default {@link #DEFAULT_BALANCE})
 * @param minEvents    fewest events of a channel in a period to judge it (default {@link #DEFAULT_MIN_EVENTS})
 * @param periodEvents events between two adjustments (default {@link #DEFAULT_PERIOD_EVENTS})
 */
public record AccelerationConfig(double fastPerSlow, Double balance, Integer minEvents, Integer periodEvents) {
    public static final double DEFAULT_BALANCE = 0.1;
    public static final int DEFAULT_MIN_EVENTS = 100;
    public static final int DEFAULT_PERIOD_EVENTS = 100_000;

    public double balanceOrDefault() {
        return balance == null ? DEFAULT_BALANCE : balance;
    }

    public int minEventsOrDefault() {
        return minEvents == null ? DEFAULT_MIN_EVENTS : minEvents;
    }

    public int periodEventsOrDefault() {
        return periodEvents == null ? DEFAULT_PERIOD_EVENTS : periodEvents;
    }
}
