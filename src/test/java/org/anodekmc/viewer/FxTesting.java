package org.anodekmc.viewer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.fail;

/** Helpers for tests that drive JavaFX under Monocle's headless platform. */
public final class FxTesting {
    private FxTesting() {
    }

    public static void start() {
        Fx.startHeadless();
    }

    /** Polls a condition on the JavaFX thread until it holds, failing after {@code seconds}. */
    static void waitUntil(String what, double seconds, Callable<Boolean> condition) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (!Fx.call(condition)) {
            if (System.nanoTime() > end) {
                fail("timed out waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    public static BufferedImage read(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            fail(png + " is not an image");
        }
        return image;
    }

    /** Number of different colours in the picture: 1 for a blank one. */
    public static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    /** Fraction of pixels that differ between two pictures of the same size. */
    public static double difference(BufferedImage a, BufferedImage b) {
        int differ = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differ++;
                }
            }
        }
        return differ / (double) (a.getWidth() * a.getHeight());
    }
}
