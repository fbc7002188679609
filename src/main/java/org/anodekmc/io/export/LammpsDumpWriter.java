package org.anodekmc.io.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.util.function.IntConsumer;

/**
 * LAMMPS text dump ({@code dump custom ... id type x y z} with {@code dump_modify time yes}), all frames in one file.
 * The atom type is the species code (1 metal, 2 host, 3 + k single-atom species k); TIMESTEP is the number of KMC
 * events so far and TIME the simulated time in s. Atom ids number the atoms of one frame (substrate first, so its ids
 * stay the same); a lattice gas has no atom identities, so metal ids do not follow an atom from frame to frame.
 */
final class LammpsDumpWriter {
    private LammpsDumpWriter() {
    }

    static void write(RunDeposit run, int[] frames, BufferedWriter out, IntConsumer progress) throws IOException {
        Coordinates at = run.coordinates();
        String[] box = at.boxEdges();
        String bounds = "ITEM: BOX BOUNDS pp pp ff\n0 " + box[0] + "\n0 " + box[1] + "\n0 " + box[2] + "\n";
        for (int i = 0; i < frames.length; i++) {
            RunDeposit.Frame frame = run.frame(frames[i]);
            out.write("ITEM: TIME\n" + Coordinates.number(frame.info.time()) + "\n");
            out.write("ITEM: TIMESTEP\n" + frame.info.events() + "\n");
            out.write("ITEM: NUMBER OF ATOMS\n" + frame.atoms() + "\n");
            out.write(bounds);
            out.write("ITEM: ATOMS id type x y z\n");
            long[] id = {0};
            frame.forEachAtom((species, site) -> {
                out.write(Long.toString(++id[0]));
                out.write(' ');
                out.write(Integer.toString(species));
                at.writePosition(out, site);
            });
            progress.accept(i + 1);
        }
    }
}
