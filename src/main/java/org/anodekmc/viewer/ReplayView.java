package org.anodekmc.viewer;

import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.anodekmc.io.TrajectoryReader;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The picture of one frame of a run: the deposit in 3D, the top view with its colour scale, and the E, roughness and
 * nucleus-count charts (for a cycling run also the Coulombic efficiency per cycle) with a cursor at the frame. The
 * window shows it between its controls; {@code kmc render} and the window's export make PNGs of it. In the window the
 * pictures are drawn on a worker thread (only the newest request is drawn), so dragging the slider or orbiting never
 * blocks the JavaFX thread.
 */
final class ReplayView {
    /** What the charts' horizontal axis shows. */
    enum XAxis {
        TIME("time (s)", "time_s"), CAPACITY("capacity (mAh/cm²)", "charge_mAh_cm2");

        final String label;
        final String column;

        XAxis(String label, String column) {
            this.label = label;
            this.column = column;
        }
    }

    private static final int TOP_VIEW_PIXELS = 512;
    private static final double MIN_SURFACE_PIXELS = 16;

    private final Replay replay;
    private final ExecutorService worker;
    private final IntegerProperty frame = new SimpleIntegerProperty(-1);
    private final ObjectProperty<SurfaceRenderer.Camera> camera =
            new SimpleObjectProperty<>(SurfaceRenderer.Camera.DEFAULT);
    private final ObjectProperty<XAxis> xAxis = new SimpleObjectProperty<>(XAxis.TIME);
    private final AtomicLong requested = new AtomicLong();
    private long applied;

    private final BorderPane root = new BorderPane();
    private final Label frameLabel = new Label();
    private final Pane surfacePane = new Pane();
    private final ImageView surfaceImage = new ImageView();
    private final ImageView topImage = new ImageView();
    private final CursorChart potentialChart = new CursorChart("E = −η (mV)");
    private final CursorChart roughnessChart = new CursorChart("roughness W (nm)");
    private final CursorChart nucleiChart = new CursorChart("nuclei");
    /** Coulombic efficiency per cycle, against the cycle number whatever the x axis; null unless the run cycled. */
    private final CursorChart efficiencyChart;

    /**
     * @param drawInBackground draw on a worker thread (the window); false draws on the calling thread when asked
     *                         ({@code kmc render})
     */
    ReplayView(Replay replay, boolean drawInBackground) {
        this.replay = replay;
        this.efficiencyChart = replay.cycles().isPresent() ? new CursorChart("Coulombic efficiency (%)") : null;
        this.worker = drawInBackground ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "replay-drawing");
            t.setDaemon(true);
            return t;
        }) : null;
        buildLayout();
        showCharts();
        frame.addListener((o, was, now) -> {
            updateFrameInfo();
            redraw();
        });
        camera.addListener((o, was, now) -> redraw());
        xAxis.addListener((o, was, now) -> showCharts());
        surfacePane.widthProperty().addListener((o, was, now) -> redraw());
        surfacePane.heightProperty().addListener((o, was, now) -> redraw());
        if (drawInBackground) {
            enableMouse();
        }
    }

    private void buildLayout() {
        root.getStylesheets().add(ReplayView.class.getResource("viewer.css").toExternalForm());
        root.getStyleClass().add("replay");
        Label title = new Label(replay.title());
        title.getStyleClass().add("replay-title");
        root.setTop(new VBox(2, title, frameLabel));

        surfaceImage.setManaged(false);
        surfacePane.getChildren().add(surfaceImage);
        surfacePane.setMinSize(0, 0);
        surfacePane.getStyleClass().add("surface-pane");
        topImage.setSmooth(false);
        topImage.setPreserveRatio(true);
        ColourBar bar = new ColourBar(replay.colourTop(), replay.layerNm(), 160);
        HBox topBox = new HBox(topImage, bar);
        // the top view is a square as tall as the row it sits in
        topImage.fitHeightProperty().bind(surfacePane.heightProperty());
        topImage.fitWidthProperty().bind(surfacePane.heightProperty());
        HBox pictures = new HBox(12, surfacePane, topBox);
        HBox.setHgrow(surfacePane, Priority.ALWAYS);
        pictures.setPadding(new Insets(8, 0, 8, 0));
        root.setCenter(pictures);

        HBox charts = new HBox(8, charts());
        for (CursorChart c : charts()) {
            HBox.setHgrow(c, Priority.ALWAYS);
            c.setMinWidth(0);
            c.setPrefWidth(200);
        }
        charts.prefHeightProperty().bind(root.heightProperty().multiply(0.32));
        charts.setMinHeight(0);
        root.setBottom(charts);
    }

    private void enableMouse() {
        double[] last = new double[2];
        surfacePane.setOnMousePressed(e -> {
            last[0] = e.getX();
            last[1] = e.getY();
            if (e.getClickCount() == 2) {
                camera.set(SurfaceRenderer.Camera.DEFAULT);
            }
        });
        surfacePane.setOnMouseDragged(e -> {
            double dx = e.getX() - last[0];
            double dy = e.getY() - last[1];
            last[0] = e.getX();
            last[1] = e.getY();
            boolean pan = e.getButton() != MouseButton.PRIMARY || e.isShiftDown();
            camera.set(pan ? camera.get().panBy(dx, dy) : camera.get().orbit(-dx * 0.01, dy * 0.01));
        });
        surfacePane.setOnScroll(e -> camera.set(camera.get().zoomBy(Math.pow(1.1, e.getDeltaY() / 40))));
    }

    BorderPane node() {
        return root;
    }

    Replay replay() {
        return replay;
    }

    IntegerProperty frameProperty() {
        return frame;
    }

    ObjectProperty<SurfaceRenderer.Camera> cameraProperty() {
        return camera;
    }

    ObjectProperty<XAxis> xAxisProperty() {
        return xAxis;
    }

    CursorChart[] charts() {
        return efficiencyChart == null ? new CursorChart[]{potentialChart, roughnessChart, nucleiChart}
                : new CursorChart[]{potentialChart, roughnessChart, nucleiChart, efficiencyChart};
    }

    /** Whether the pictures of the current frame and view are on screen (JavaFX thread). */
    boolean isDrawn() {
        return applied == requested.get();
    }

    private void showCharts() {
        XAxis x = xAxis.get();
        double[] xs = replay.series().column(x.column);
        potentialChart.setData(x.label, xs, replay.series().column("potential_V", 1e3));
        roughnessChart.setData(x.label, xs, replay.series().column("roughness_nm"));
        nucleiChart.setData(x.label, xs, replay.series().column("nuclei"));
        replay.cycles().ifPresent(cycles -> efficiencyChart.setData("cycle", cycles.column("cycle"),
                cycles.column("coulombic_efficiency", 100)));
        updateFrameInfo();
    }

    private void updateFrameInfo() {
        int f = frame.get();
        if (f < 0) {
            return;
        }
        TrajectoryReader.FrameInfo info = replay.info(f);
        double cursor = xAxis.get() == XAxis.TIME ? info.time() : info.charge();
        for (CursorChart c : charts()) {
            c.cursorXProperty().set(c == efficiencyChart ? replay.cycleAt(info.time()) : cursor);
        }
        String eta = Double.isNaN(info.eta()) ? "η not modelled (the supply fixes the flux)"
                : String.format(Locale.ROOT, "η = %.1f mV", info.eta() * 1e3);
        frameLabel.setText(String.format(Locale.ROOT, "frame %d / %d   ·   t = %.4g s   ·   Q = %.4g mAh/cm²   ·   "
                + "%s", f, replay.frames() - 1, info.time(), info.charge(), eta));
        frameLabel.getStyleClass().remove("replay-error");
    }

    private record Request(long id, int frame, SurfaceRenderer.Camera camera, int width, int height) {
    }

    private record Pictures(long id, int[] surface, int surfaceWidth, int surfaceHeight, int[] top, int topSize) {
    }

    /** Asks for the pictures of the current frame and view; in the background mode only the newest gets drawn. */
    private void redraw() {
        int f = frame.get();
        int w = (int) surfacePane.getWidth();
        int h = (int) surfacePane.getHeight();
        if (f < 0 || w < MIN_SURFACE_PIXELS || h < MIN_SURFACE_PIXELS) {
            return;
        }
        Request request = new Request(requested.incrementAndGet(), f, camera.get(), w, h);
        if (worker == null) {
            apply(draw(request));
            return;
        }
        worker.execute(() -> {
            if (requested.get() != request.id) {
                return;
            }
            try {
                Pictures pictures = draw(request);
                Platform.runLater(() -> apply(pictures));
            } catch (RuntimeException e) {
                Platform.runLater(() -> showError(request, e));
            }
        });
    }

    private Pictures draw(Request r) {
        HeightMap map = replay.heights(r.frame);
        int[] surface = new SurfaceRenderer(r.width, r.height).render(map, replay::isSite, replay.colourTop(),
                r.camera);
        TopView.Layout layout = replay.topLayout(TOP_VIEW_PIXELS);
        int[] top = TopView.render(map, replay::isSite, replay.colourTop(), layout);
        if (layout.width() != layout.height()) {
            return new Pictures(r.id, surface, r.width, r.height, square(top, layout.width(), layout.height()),
                    Math.max(layout.width(), layout.height()));
        }
        return new Pictures(r.id, surface, r.width, r.height, top, layout.width());
    }

    /** Pads a rectangular top view to a square (white margins), so that it lines up with the colour scale. */
    private static int[] square(int[] pixels, int w, int h) {
        int size = Math.max(w, h);
        int[] out = new int[size * size];
        Arrays.fill(out, ColorScale.BACKGROUND);
        for (int y = 0; y < h; y++) {
            System.arraycopy(pixels, y * w, out, (y + size - h) * size, w);
        }
        return out;
    }

    private void apply(Pictures p) {
        if (p.id < applied) {
            return;
        }
        applied = p.id;
        surfaceImage.setImage(image(p.surface, p.surfaceWidth, p.surfaceHeight));
        topImage.setImage(image(p.top, p.topSize, p.topSize));
    }

    private void showError(Request r, RuntimeException e) {
        applied = Math.max(applied, r.id);
        frameLabel.setText("frame " + r.frame + " cannot be shown: " + e.getMessage());
        frameLabel.getStyleClass().add("replay-error");
    }

    private static WritableImage image(int[] argb, int w, int h) {
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return image;
    }

    /** The picture as it is on screen now. */
    WritableImage snapshot() {
        return root.snapshot(new SnapshotParameters(), null);
    }

    /** Writes the picture as a PNG (through a temporary file, so a half-written PNG is never left). */
    void writePng(Path file) {
        Png.write(snapshot(), file);
    }

    void close() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }
}
