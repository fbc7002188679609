package org.anodekmc.viewer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.Locale;

/** The height colour scale beside the top view, with the substrate's colours. */
final class ColourBar extends VBox {
    ColourBar(int colourTop, double layerNm, double barHeight) {
        super(4);
        getStyleClass().add("colour-bar");
        // one row per step of the scale, highest at the top, drawn tall so that scaling it down keeps the steps
        int rows = colourTop * Math.max(1, 256 / colourTop);
        int[] column = new int[rows];
        for (int r = 0; r < rows; r++) {
            column[r] = ColorScale.metal(colourTop - r * colourTop / rows, colourTop);
        }
        WritableImage gradient = new WritableImage(1, rows);
        gradient.getPixelWriter().setPixels(0, 0, 1, rows, PixelFormat.getIntArgbInstance(), column, 0, 1);
        ImageView bar = new ImageView(gradient);
        bar.setPreserveRatio(false);
        bar.setFitWidth(18);
        bar.setFitHeight(barHeight);

        VBox ticks = new VBox(new Label(layers(colourTop, layerNm)), grow(), new Label(layers(1, layerNm)));
        ticks.setPrefHeight(barHeight);
        HBox scale = new HBox(6, bar, ticks);
        scale.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(new Label("height"), scale, swatch(ColorScale.HOST, "bare host"),
                swatch(ColorScale.SITE, "SA site"), swatch(ColorScale.DEAD, "dead metal"));
        setPadding(new Insets(0, 0, 0, 8));
    }

    private static String layers(int h, double layerNm) {
        return String.format(Locale.ROOT, "%d %s (%.2g nm)", h, h == 1 ? "layer" : "layers", h * layerNm);
    }

    private static Region grow() {
        Region r = new Region();
        VBox.setVgrow(r, Priority.ALWAYS);
        return r;
    }

    private static HBox swatch(int argb, String text) {
        Rectangle r = new Rectangle(14, 14, Color.rgb(argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff));
        HBox box = new HBox(6, r, new Label(text));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
