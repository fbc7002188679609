package org.anodekmc.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options of commands that run many runs on a thread pool into one sweep folder (sweep, validation). */
final class SweepOptions {
    @Option(names = "--threads", paramLabel = "N", description = "threads the runs share (default: all cores, "
            + "${DEFAULT-VALUE}); a run takes as many as its engine.threads, so runs on one thread run N at a time")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: results/<name>, the file's "
            + "name field or else its file name)")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "no progress line")
    boolean quiet;

    /** Refuses a thread count below 1 as bad input. */
    void check() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
    }

    /** The folder to write: --out, or results/NAME. */
    Path folder(String name) {
        return out != null ? out : Path.of("results", name);
    }
}
