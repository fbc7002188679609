package org.anodekmc.viewer;

import org.anodekmc.io.HandBuiltRun;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.state.HandBuiltDeposit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kmc render draws a run on a close-packed lattice: a bare substrate, then a mound that shows in the picture. */
class StackedLatticeRenderTest {
    @TempDir
    Path tmp;

    @Test
    void aRunOnHcpRendersItsFramesHeadless() throws IOException {
        Lattice lattice = Lattice.of("hcp0001", 24, 24, 10);
        HandBuiltDeposit bare = new HandBuiltDeposit(lattice, 1);
        HandBuiltDeposit mound = new HandBuiltDeposit(lattice, 1);
        for (int c = 0; c < lattice.columns(); c++) {
            Lattice.Point p = lattice.position(lattice.site(c, 1));
            int h = (int) Math.max(0, 6 - Math.hypot(p.x() - 12, p.y() - 10) / 1.5);
            for (int z = 1; z <= h; z++) {
                mound.set(lattice.site(c, z), Species.METAL);
            }
        }
        Path run = HandBuiltRun.write(tmp.resolve("hcp"), TestRuns.plating(), 2.5, List.of(bare, mound));
        Path first = tmp.resolve("first.png");
        Path last = tmp.resolve("last.png");
        assertEquals(List.of(), Viewer.render(new Viewer.RenderRequest(run, 0, first, 900, 600, false)));
        assertEquals(List.of(), Viewer.render(new Viewer.RenderRequest(run, null, last, 900, 600, false)));
        BufferedImage a = FxTesting.read(first);
        BufferedImage b = FxTesting.read(last);
        assertEquals(900, b.getWidth());
        assertTrue(FxTesting.colours(b) > FxTesting.colours(a) + 20, "the mound adds its colours and shades");
        double differ = FxTesting.difference(a, b);
        assertTrue(differ > 0.02, "the frames differ in " + differ + " of the pixels");
    }
}
