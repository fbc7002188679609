package org.anodekmc.io.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.util.function.IntConsumer;

/**
 * Extended XYZ: one block per frame, concatenated in one file (OVITO and ASE read it as a trajectory). Each block is
 * the atom count, a comment line with the cell, the columns and the frame's values, then one line per atom:
 * species name and position in Å.
 */
final class ExtxyzWriter {
    private ExtxyzWriter() {
    }

    static void write(RunDeposit run, int[] frames, BufferedWriter out, IntConsumer progress) throws IOException {
        Coordinates at = run.coordinates();
        String[] box = at.boxEdges();
        String lattice = "Lattice=\"" + box[0] + " 0 0 0 " + box[1] + " 0 0 0 " + box[2] + "\"";
        for (int i = 0; i < frames.length; i++) {
            RunDeposit.Frame frame = run.frame(frames[i]);
            out.write(Long.toString(frame.atoms()));
            out.write('\n');
            out.write(lattice + " Properties=species:S:1:pos:R:3 Time=" + Coordinates.number(frame.info.time())
                    + " pbc=\"T T F\" frame=" + frame.index + " events=" + frame.info.events()
                    + " eta_V=" + Coordinates.number(frame.info.eta())
                    + " charge_mAh_cm2=" + Coordinates.number(frame.info.charge()));
            out.write('\n');
            frame.forEachAtom((species, site) -> {
                out.write(run.name(species));
                at.writePosition(out, site);
            });
            progress.accept(i + 1);
        }
    }
}
