package org.anodekmc.viewer;

import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.anodekmc.io.RunFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The viewer window, driven headless under Monocle on real run folders. */
class ViewerWindowTest {
    @TempDir
    Path tmp;
    private ViewerWindow window;

    @BeforeAll
    static void startFx() {
        FxTesting.start();
    }

    @AfterEach
    void close() {
        if (window != null) {
            Fx.run(() -> window.stage().close());
        }
    }

    private ViewerWindow open(Path run) {
        Replay replay = Replay.open(run);
        window = Fx.call(() -> ViewerWindow.open(new Stage(), replay));
        FxTesting.waitUntil("the last frame is drawn", 20, () -> window.view().isDrawn());
        return window;
    }

    private void showFrame(int frame) {
        Fx.run(() -> window.slider().setValue(frame));
        FxTesting.waitUntil("frame " + frame + " is drawn", 20,
                () -> window.view().frameProperty().get() == frame && window.view().isDrawn());
    }

    @Test
    void opensOnARunFolderAtItsLastFrame() {
        open(TestRuns.plating());
        Fx.run(() -> {
            assertTrue(window.stage().isShowing());
            assertTrue(window.stage().getTitle().contains("plating"), window.stage().getTitle());
            int frames = window.view().replay().frames();
            assertEquals(frames - 1, (int) window.slider().getMax());
            assertEquals(frames - 1, window.view().frameProperty().get());
        });
    }

    @Test
    void theSliderMovesTheChartsCursor() {
        open(TestRuns.plating());
        showFrame(0);
        FxTesting.waitUntil("the charts are laid out", 10, () -> !Double.isNaN(window.view().charts()[1].cursorPixel()));
        double[] first = Fx.call(() -> cursors(window.view()));
        int last = Fx.call(() -> window.view().replay().frames() - 1);
        showFrame(last);
        FxTesting.waitUntil("the cursors move", 10, () -> cursors(window.view())[0] != first[0]);
        double[] end = Fx.call(() -> cursors(window.view()));
        for (int i = 0; i < first.length; i++) {
            assertTrue(end[i] > first[i] + 50, "chart " + i + ": cursor from " + first[i] + " to " + end[i]);
        }
    }

    /** A cycling run gets a fourth chart: its cycles.csv's Coulombic efficiency, the cursor at the frame's cycle. */
    @Test
    void aCyclingRunShowsTheCoulombicEfficiencyOfEachCycle() throws IOException {
        Path run = TestRuns.cycling();
        List<String> rows = Files.readAllLines(run.resolve(RunFolder.CYCLES));
        List<String> header = List.of(rows.get(0).split(","));
        open(run);
        CursorChart efficiency = Fx.call(() -> window.view().charts()[3]);
        Fx.run(() -> {
            List<XYChart.Data<Number, Number>> points = efficiency.getData().get(0).getData();
            assertEquals(rows.size() - 1, points.size(), "one point per completed cycle");
            for (int i = 0; i < points.size(); i++) {
                String[] row = rows.get(i + 1).split(",");
                assertEquals(Double.parseDouble(row[header.indexOf("cycle")]), points.get(i).getXValue().doubleValue());
                assertEquals(100 * Double.parseDouble(row[header.indexOf("coulombic_efficiency")]),
                        points.get(i).getYValue().doubleValue(), 1e-9);
            }
        });
        showFrame(0);
        FxTesting.waitUntil("the charts are laid out", 10, () -> !Double.isNaN(cursors(window.view())[3]));
        double first = Fx.call(() -> cursors(window.view())[3]);
        showFrame(Fx.call(() -> window.view().replay().frames() - 1));
        double last = Fx.call(() -> cursors(window.view())[3]);
        assertTrue(last > first + 50, "the cursor moves from the first cycle to the last: " + first + " to " + last);
    }

    private static double[] cursors(ReplayView view) {
        CursorChart[] charts = view.charts();
        double[] x = new double[charts.length];
        for (int i = 0; i < charts.length; i++) {
            charts[i].layout();
            x[i] = charts[i].cursorPixel();
        }
        return x;
    }

    @Test
    void stepAndPlayMoveThroughTheFrames() {
        open(TestRuns.plating());
        showFrame(0);
        Fx.run(() -> window.step(1));
        FxTesting.waitUntil("step to frame 1", 5, () -> window.view().frameProperty().get() == 1);
        Fx.run(() -> window.playButton().setSelected(true));
        int last = Fx.call(() -> window.view().replay().frames() - 1);
        FxTesting.waitUntil("playback reaches the last frame", 30,
                () -> window.view().frameProperty().get() == last);
        FxTesting.waitUntil("playback stops at the end", 5, () -> !window.playButton().isSelected());
    }

    @Test
    void exportWritesTheViewAndItChangesWithTheFrame() throws IOException {
        open(TestRuns.plating());
        showFrame(0);
        Path first = tmp.resolve("first.png");
        Fx.run(() -> window.export(first));
        int last = Fx.call(() -> window.view().replay().frames() - 1);
        showFrame(last);
        Path end = tmp.resolve("last.png");
        Fx.run(() -> window.export(end));
        BufferedImage a = FxTesting.read(first);
        BufferedImage b = FxTesting.read(end);
        assertEquals(a.getWidth(), b.getWidth());
        assertTrue(FxTesting.colours(a) > 20, "not blank: " + FxTesting.colours(a) + " colours");
        assertTrue(FxTesting.colours(b) > 20, "not blank: " + FxTesting.colours(b) + " colours");
        double differ = FxTesting.difference(a, b);
        assertTrue(differ > 0.02, "first and last frame differ in " + differ + " of the pixels");
    }

    @Test
    void staysResponsiveOnA512By512RunWithHundredsOfFrames() {
        Path run = TestRuns.large();
        long start = System.nanoTime();
        open(run);
        double openSeconds = (System.nanoTime() - start) * 1e-9;
        int frames = Fx.call(() -> window.view().replay().frames());
        assertTrue(frames >= 150, frames + " frames");
        long slowestSliderMove = 0;
        long drawTotal = 0;
        int shown = 0;
        for (int f = 0; f < frames; f += frames / 12) {
            int frame = f;
            long t0 = System.nanoTime();
            Fx.run(() -> window.slider().setValue(frame));
            slowestSliderMove = Math.max(slowestSliderMove, System.nanoTime() - t0);
            FxTesting.waitUntil("frame " + frame + " is drawn", 20,
                    () -> window.view().frameProperty().get() == frame && window.view().isDrawn());
            drawTotal += System.nanoTime() - t0;
            shown++;
        }
        int cached = window.view().replay().cachedFrames();
        System.out.printf(java.util.Locale.ROOT, "512x512, %d frames: window open %.2f s, slowest slider move on the "
                        + "JavaFX thread %.1f ms, mean time to draw a new frame %.0f ms, %d frames cached%n", frames,
                openSeconds, slowestSliderMove * 1e-6, drawTotal * 1e-6 / shown, cached);
        // decoding and drawing happen off the JavaFX thread, and only a few decoded frames are kept
        assertTrue(slowestSliderMove < 200_000_000L, "slider move blocked the JavaFX thread for "
                + slowestSliderMove * 1e-6 + " ms");
        assertTrue(cached <= Replay.CACHED_FRAMES);
        assertNotNull(Fx.call(() -> window.view().snapshot()));
    }
}
