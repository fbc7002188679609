package org.anodekmc.cli;

import org.anodekmc.sweep.SweepRunner;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/** Sweep progress on stderr: runs done of all, failures, time left. Redrawn in place on a terminal. */
final class SweepProgressLine implements Consumer<SweepRunner.Progress> {
    private static final double PLAIN_INTERVAL_SECONDS = 10;

    private final boolean quiet;
    private final boolean terminal = System.console() != null;
    private final PrintStream err = System.err;
    private boolean shown;
    private double lastPlain = Double.NEGATIVE_INFINITY;

    SweepProgressLine(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public void accept(SweepRunner.Progress p) {
        boolean last = p.done() == p.total();
        if (quiet || (!terminal && !last && p.elapsedSeconds() - lastPlain < PLAIN_INTERVAL_SECONDS)) {
            return;
        }
        lastPlain = p.elapsedSeconds();
        int width = 24;
        int filled = (int) Math.round(width * p.done() / (double) Math.max(1, p.total()));
        String line = String.format(Locale.ROOT, "[%s%s] %d/%d runs, %d failed%s, %s elapsed, left ~%s",
                "#".repeat(filled), " ".repeat(width - filled), p.done(), p.total(), p.failed(),
                p.reused() > 0 ? ", " + p.reused() + " kept from before" : "", duration(p.elapsedSeconds()),
                duration(p.remainingSeconds()));
        err.print(terminal ? "\r" + line : line + System.lineSeparator());
        err.flush();
        shown = true;
    }

    void finish() {
        if (shown && terminal) {
            err.println();
        }
    }

    private static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
