package org.anodekmc.plot;

import java.nio.file.Path;
import java.util.Locale;

/** The one rule for a picture named with {@code --out} (kmc plot, kmc render): its file name ends in .png. */
public final class PngName {
    private PngName() {
    }

    /** @throws IllegalArgumentException naming {@code --out} when the name does not end in .png */
    public static void require(Path file) {
        Path name = file.getFileName();
        if (name == null || !name.toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--out " + file + ": the file name must end in .png");
        }
    }
}
