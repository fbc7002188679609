package org.anodekmc.viewer;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

import org.anodekmc.plot.PngName;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** What the command line calls: open the viewer window on a run, or render a frame of a run to a PNG. */
public final class Viewer {
    /** Options of {@code kmc render}. */
    public record RenderRequest(Path run, Integer frame, Path out, int width, int height, boolean capacityAxis) {
    }

    public static final int MIN_WIDTH = 640;
    public static final int MIN_HEIGHT = 400;
    public static final int MAX_SIDE = 8000;

    private Viewer() {
    }

    /**
     * Opens the viewer window on {@code run} (or on a folder chosen in a dialog when null) and returns when it is
     * closed. Problems with the folder given are IllegalArgumentExceptions, raised before any window opens; damage
     * that still lets the run be read is told to {@code warnings}.
     *
     * @return false when no run was chosen in the dialog
     */
    public static boolean view(Path run, Consumer<String> warnings) {
        Replay replay = run == null ? null : Replay.open(run);
        if (replay != null) {
            replay.warnings().forEach(warnings);
        }
        CountDownLatch closed = new CountDownLatch(1);
        boolean opened = false;
        try {
            Fx.startOnDisplay();
            opened = Fx.call(() -> {
                Replay r = replay != null ? replay : chooseRun();
                if (r == null) {
                    return false;
                }
                Stage stage = new Stage();
                stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> closed.countDown());
                ViewerWindow.open(stage, r); // the window closes the replay when it closes
                return true;
            });
        } finally {
            if (!opened && replay != null) {
                replay.close();
            }
        }
        if (opened) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Platform.exit();
        return opened;
    }

    /** Asks for a run folder until one opens or the dialog is cancelled (null). */
    private static Replay chooseRun() {
        while (true) {
            Path folder = ViewerWindow.chooseRun(null);
            if (folder == null) {
                return null;
            }
            try {
                return Replay.open(folder);
            } catch (RuntimeException e) {
                ViewerWindow.error(null, "Cannot open " + folder, e.getMessage());
            }
        }
    }

    /**
     * Draws one frame of a run, as the window shows it, into a PNG, with no display needed. Bad options and
     * unreadable runs (a corrupt frame among them) are IllegalArgumentExceptions that name the problem; nothing is
     * written then.
     *
     * @return damage of the run that still let it be read (a trajectory cut off inside a frame)
     */
    public static List<String> render(RenderRequest request) {
        if (request.width() < MIN_WIDTH || request.height() < MIN_HEIGHT || request.width() > MAX_SIDE
                || request.height() > MAX_SIDE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--size %dx%d: the picture must be from %dx%d to %dx%d pixels", request.width(),
                    request.height(), MIN_WIDTH, MIN_HEIGHT, MAX_SIDE, MAX_SIDE));
        }
        PngName.require(request.out());
        try (Replay replay = Replay.open(request.run())) {
            int last = replay.frames() - 1;
            int frame = request.frame() == null ? last : request.frame();
            if (frame < 0 || frame > last) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "--frame %d: %s has %d frames, numbered 0 to %d", frame, request.run(), last + 1, last));
            }
            replay.heights(frame); // decoded here, so that a corrupt frame is refused before anything is drawn
            Fx.startHeadless();
            Fx.run(() -> {
                ReplayView view = renderView(replay, frame, request.width(), request.height(),
                        request.capacityAxis() ? ReplayView.XAxis.CAPACITY : ReplayView.XAxis.TIME);
                view.writePng(request.out());
            });
            return replay.warnings();
        }
    }

    /** A replay view laid out at the given size with the frame drawn, ready for a snapshot (JavaFX thread). */
    static ReplayView renderView(Replay replay, int frame, int width, int height, ReplayView.XAxis xAxis) {
        ReplayView view = new ReplayView(replay, false);
        view.xAxisProperty().set(xAxis);
        new Scene(view.node(), width, height);
        view.node().applyCss();
        view.node().layout();
        view.frameProperty().set(frame);
        view.node().layout();
        return view;
    }
}
