package org.anodekmc.run;

import java.nio.file.Path;
import java.util.Locale;

/** A run stopped on request before its end, with its state saved in a checkpoint so that it can be resumed. */
public final class RunInterruptedException extends RuntimeException {
    private final Path run;
    private final double time;
    private final long events;

    RunInterruptedException(Path run, Path partial, double time, long events) {
        super(String.format(Locale.ROOT, "stopped at t = %.6g s after %d events; checkpoint and outputs saved in %s",
                time, events, partial));
        this.run = run;
        this.time = time;
        this.events = events;
    }

    /** The run folder to name to {@code kmc resume}. */
    public Path run() {
        return run;
    }

    /** Simulated time at the stop, s. */
    public double time() {
        return time;
    }

    public long events() {
        return events;
    }
}
