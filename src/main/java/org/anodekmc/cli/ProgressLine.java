package org.anodekmc.cli;

import org.anodekmc.run.RunExecutor;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Consumer;

/** A progress line on stderr, shown once a run has lasted a couple of seconds; redrawn in place on a terminal. */
final class ProgressLine implements Consumer<RunExecutor.Progress> {
    private static final double SHOW_AFTER_SECONDS = 2;
    private static final double PLAIN_INTERVAL_SECONDS = 10;

    private final boolean quiet;
    private final boolean terminal = System.console() != null;
    private final PrintStream err = System.err;
    private boolean shown;
    private double lastPlain;

    ProgressLine(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public void accept(RunExecutor.Progress p) {
        if (quiet || p.elapsedSeconds() < SHOW_AFTER_SECONDS) {
            return;
        }
        if (!terminal && p.elapsedSeconds() - lastPlain < PLAIN_INTERVAL_SECONDS && p.fraction() < 1) {
            return;
        }
        lastPlain = p.elapsedSeconds();
        int width = 24;
        int filled = (int) Math.round(p.fraction() * width);
        double eta = p.fraction() > 0 ? p.elapsedSeconds() * (1 - p.fraction()) / p.fraction() : Double.NaN;
        String line = String.format(Locale.ROOT, "[%s%s] %5.1f%%  t=%.3g s  η=%s  Q=%.3g mAh/cm²  %.2g ev/s  "
                        + "left ~%s", "#".repeat(filled), " ".repeat(width - filled), 100 * p.fraction(), p.time(),
                Double.isNaN(p.eta()) ? "-" : String.format(Locale.ROOT, "%.1f mV", p.eta() * 1e3), p.charge(),
                p.eventsPerSecond(), Double.isNaN(eta) ? "?" : String.format(Locale.ROOT, "%.0f s", eta));
        err.print(terminal ? "\r" + line : line + System.lineSeparator());
        err.flush();
        shown = true;
    }

    void finish() {
        if (shown && terminal) {
            err.println();
        }
    }
}
