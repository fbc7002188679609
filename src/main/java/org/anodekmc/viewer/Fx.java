package org.anodekmc.viewer;

import javafx.application.Platform;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the JavaFX toolkit from a plain main method (JavaFX is on the class path, no Application subclass) and runs
 * work on its thread. Headless mode uses Monocle's headless platform with the software renderer, so pictures can be
 * made with no display and nothing installed beyond the JDK.
 */
final class Fx {
    /** JavaFX warns that it was loaded from the class path; that is how this program ships it, so hush it. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");
    private static boolean started;
    private static boolean headless;

    private Fx() {
    }

    /** Starts the toolkit without a display (once per JVM; later calls do nothing). */
    static synchronized void startHeadless() {
        if (started) {
            return;
        }
        headless = true;
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        // Monocle's virtual screen (1280x800 unless told) must hold the largest window or picture
        System.setProperty("headless.geometry", "2560x1600-32");
        start();
    }

    /** Starts the toolkit on the desktop; an IllegalStateException says so when there is no display to open. */
    static synchronized void startOnDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (linux && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            throw new IllegalStateException("kmc view needs a display, and none is set (DISPLAY is empty); "
                    + "to make pictures without one use: kmc render RUN --out FILE.png");
        }
        if (headless) {
            throw new IllegalStateException("JavaFX already runs without a display in this process");
        }
        if (!started) {
            start();
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static void start() {
        JAVAFX_LOG.setLevel(Level.SEVERE);
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("cannot start the JavaFX toolkit: " + e.getMessage(), e);
        }
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting JavaFX", e);
        }
        Platform.setImplicitExit(false);
        started = true;
    }

    /** Runs {@code task} on the JavaFX thread, waits for it and returns its result (its exceptions rethrown). */
    static <T> T call(Callable<T> task) {
        if (Platform.isFxApplicationThread()) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    static void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }
}
