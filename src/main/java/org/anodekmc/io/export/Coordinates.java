package org.anodekmc.io.export;

import java.util.Locale;

/**
 * Text of the numbers in exported files, always with Locale.ROOT. A site (x, y, z) sits at the centre of its lattice
 * cell, ((x + ½)·a, (y + ½)·a, (z + ½)·a) in Å, so atoms lie inside the box [0, L] and coincide with the VTK cells;
 * z = 0 is the bottom substrate layer. The coordinate strings are made once per box, not once per atom.
 */
final class Coordinates {
    final String[] x;
    final String[] y;
    final String[] z;

    Coordinates(RunDeposit run) {
        x = centres(run.sizeX(), run.latticeConstant());
        y = centres(run.sizeY(), run.latticeConstant());
        z = centres(run.sizeZ(), run.latticeConstant());
    }

    private static String[] centres(int n, double a) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = String.format(Locale.ROOT, "%.4f", (i + 0.5) * a);
        }
        return s;
    }

    /** Writes " x y z" and ends the line: the position columns that close an atom's line. */
    void writePosition(java.io.Writer out, int xi, int yi, int zi) throws java.io.IOException {
        out.write(' ');
        out.write(x[xi]);
        out.write(' ');
        out.write(y[yi]);
        out.write(' ');
        out.write(z[zi]);
        out.write('\n');
    }

    /** A value such as a time, a box length or η, to nine significant digits. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.9g", value);
    }
}
