package org.anodekmc.viewer;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The viewer window: the replay picture with a toolbar (open, export, chart axis, reset view) above and a timeline
 * (step, play/pause, slider, speed) below. Keys: space plays or pauses, ← and → step, Home and End jump, Ctrl+W or
 * Ctrl+Q closes.
 */
final class ViewerWindow {
    private static final List<Integer> SPEEDS = List.of(1, 2, 5, 10, 20, 30);
    private static final int DEFAULT_SPEED = 5;

    private final Stage stage;
    private final BorderPane layout = new BorderPane();
    private final Slider slider = new Slider();
    private final ToggleButton play = new ToggleButton();
    private final ChoiceBox<Integer> speed = new ChoiceBox<>();
    private final ChoiceBox<ReplayView.XAxis> xAxis = new ChoiceBox<>();
    private final Timeline player = new Timeline(new KeyFrame(Duration.seconds(1), e -> advance()));
    private ReplayView view;

    private ViewerWindow(Stage stage) {
        this.stage = stage;
        player.setCycleCount(Animation.INDEFINITE);
        layout.setTop(toolbar());
        layout.setBottom(timeline());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(layout, Math.min(1400, 0.95 * screen.getWidth()),
                Math.min(900, 0.9 * screen.getHeight()));
        scene.getStylesheets().add(ViewerWindow.class.getResource("viewer.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            player.stop();
            if (view != null) {
                view.close();
                view.replay().close();
            }
        });
    }

    /** Opens a window on the run (JavaFX thread). The window owns the replay and closes it with itself. */
    static ViewerWindow open(Stage stage, Replay replay) {
        ViewerWindow window = new ViewerWindow(stage);
        window.load(replay);
        stage.show();
        return window;
    }

    private void load(Replay replay) {
        if (view != null) {
            view.close();
            view.replay().close();
        }
        pause();
        view = new ReplayView(replay, true);
        view.xAxisProperty().bind(xAxis.valueProperty());
        layout.setCenter(view.node());
        stage.setTitle("anodekmc viewer: " + replay.title());
        slider.setMax(replay.frames() - 1);
        slider.setValue(replay.frames() - 1);
        view.frameProperty().set((int) slider.getValue());
    }

    private HBox toolbar() {
        Button open = new Button("Open run…");
        open.setOnAction(e -> chooseAndLoad());
        Button export = new Button("Export PNG…");
        export.setOnAction(e -> chooseAndExport());
        Button reset = new Button("Reset view");
        reset.setOnAction(e -> view.cameraProperty().set(SurfaceRenderer.Camera.DEFAULT));
        xAxis.getItems().setAll(ReplayView.XAxis.values());
        xAxis.setValue(ReplayView.XAxis.TIME);
        xAxis.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReplayView.XAxis a) {
                return a == null ? "" : "charts against " + a.label.replaceAll(" \\(.*", "");
            }

            @Override
            public ReplayView.XAxis fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        Label hint = new Label("3D: drag to orbit · shift-drag to pan · wheel to zoom · double-click resets");
        hint.getStyleClass().add("hint");
        HBox bar = new HBox(8, open, export, xAxis, reset, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        return bar;
    }

    private HBox timeline() {
        Button back = new Button("◀|");
        back.setTooltip(new Tooltip("previous frame (←)"));
        back.setOnAction(e -> step(-1));
        Button forward = new Button("|▶");
        forward.setTooltip(new Tooltip("next frame (→)"));
        forward.setOnAction(e -> step(1));
        play.setTooltip(new Tooltip("play / pause (space)"));
        play.setGraphic(playIcon());
        play.selectedProperty().addListener((o, was, now) -> {
            play.setGraphic(now ? pauseIcon() : playIcon());
            if (now) {
                if (frame() >= slider.getMax()) {
                    slider.setValue(0);
                }
                player.play();
            } else {
                player.stop();
            }
        });
        slider.setMin(0);
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.valueProperty().addListener((o, was, now) -> {
            int f = (int) Math.round(now.doubleValue());
            if (view != null && view.frameProperty().get() != f) {
                view.frameProperty().set(f);
            }
        });
        HBox.setHgrow(slider, Priority.ALWAYS);
        speed.getItems().setAll(SPEEDS);
        speed.setValue(DEFAULT_SPEED);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer fps) {
                return fps == null ? "" : fps + " frames/s";
            }

            @Override
            public Integer fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        player.setRate(DEFAULT_SPEED);
        speed.valueProperty().addListener((o, was, now) -> player.setRate(now));
        Region gap = new Region();
        gap.setMinWidth(8);
        HBox bar = new HBox(8, back, play, forward, slider, gap, new Label("speed"), speed);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 8, 10));
        return bar;
    }

    // drawn rather than typed: not every font has a pause sign
    private static Node playIcon() {
        return new Polygon(0, 0, 10, 6, 0, 12);
    }

    private static Node pauseIcon() {
        return new HBox(3, new Rectangle(3.5, 12), new Rectangle(3.5, 12));
    }

    private void key(KeyEvent e) {
        if (e.isShortcutDown() && (e.getCode() == KeyCode.W || e.getCode() == KeyCode.Q)) {
            Platform.runLater(stage::close); // not while the key event is being dispatched
            e.consume();
            return;
        }
        switch (e.getCode()) {
            case SPACE -> play.setSelected(!play.isSelected());
            case LEFT -> step(-1);
            case RIGHT -> step(1);
            case HOME -> slider.setValue(0);
            case END -> slider.setValue(slider.getMax());
            default -> {
                return;
            }
        }
        e.consume();
    }

    private int frame() {
        return (int) Math.round(slider.getValue());
    }

    void step(int by) {
        pause();
        slider.setValue(Math.max(0, Math.min(slider.getMax(), frame() + by)));
    }

    private void pause() {
        play.setSelected(false);
    }

    /** One tick of playback: the next frame once the current one is drawn, so playback never queues up work. */
    private void advance() {
        if (!view.isDrawn()) {
            return;
        }
        if (frame() >= slider.getMax()) {
            pause();
            return;
        }
        slider.setValue(frame() + 1);
    }

    private void chooseAndLoad() {
        Path folder = chooseRun(stage);
        if (folder != null) {
            try {
                load(Replay.open(folder));
            } catch (RuntimeException e) {
                error(stage, "Cannot open " + folder, e.getMessage());
            }
        }
    }

    private void chooseAndExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the view as PNG");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        Path folder = view.replay().folder().toAbsolutePath();
        chooser.setInitialDirectory(folder.toFile());
        chooser.setInitialFileName(String.format(Locale.ROOT, "%s-frame%d.png", folder.getFileName(), frame()));
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            try {
                export(file.toPath());
            } catch (RuntimeException e) {
                error(stage, "Cannot write " + file, e.getMessage());
            }
        }
    }

    /** Writes what the window shows (without its controls) as a PNG. */
    void export(Path png) {
        view.writePng(png);
    }

    /** Lets the user pick a run folder; null when cancelled. */
    static Path chooseRun(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a run folder");
        Path results = Path.of("results").toAbsolutePath();
        if (Files.isDirectory(results)) {
            chooser.setInitialDirectory(results.toFile());
        }
        File folder = chooser.showDialog(owner);
        return folder == null ? null : folder.toPath();
    }

    static void error(Window owner, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(owner);
        alert.setHeaderText(header);
        alert.showAndWait();
    }

    Stage stage() {
        return stage;
    }

    Slider slider() {
        return slider;
    }

    ReplayView view() {
        return view;
    }

    ToggleButton playButton() {
        return play;
    }
}
