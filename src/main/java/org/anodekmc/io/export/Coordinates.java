package org.anodekmc.io.export;

import org.anodekmc.lattice.Lattice;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Text of the numbers in exported files, always with Locale.ROOT. Atoms sit where the lattice places its sites
 * ({@link Lattice#position}, scaled by the conventional lattice constant, in Å): for the simple cubic lattice at the
 * centre of its cell, ((x + ½)·a, (y + ½)·a, (z + ½)·a), so atoms lie inside the box and coincide with the VTK cells;
 * z = 0 is the bottom of the box. A lattice has few distinct coordinate values, so each is formatted once, not once
 * per atom.
 */
final class Coordinates {
    private final Lattice lattice;
    private final double latticeConstant;
    private final Map<Double, String> text = new HashMap<>();

    /** @param latticeConstant the lattice's conventional constant, Å */
    Coordinates(Lattice lattice, double latticeConstant) {
        this.lattice = lattice;
        this.latticeConstant = latticeConstant;
    }

    /** Writes " x y z" and ends the line: the position columns that close an atom's line. */
    void writePosition(java.io.Writer out, int site) throws java.io.IOException {
        Lattice.Point p = lattice.position(site);
        for (double coordinate : new double[]{p.x(), p.y(), p.z()}) {
            out.write(' ');
            out.write(text.computeIfAbsent(coordinate * latticeConstant,
                    v -> String.format(Locale.ROOT, "%.4f", v)));
        }
        out.write('\n');
    }

    /** Edges of the box in Å, as numbers ({@link #number}): x, y, z. */
    String[] boxEdges() {
        Lattice.Point box = lattice.boxSize();
        return new String[]{number(box.x() * latticeConstant), number(box.y() * latticeConstant),
                number(box.z() * latticeConstant)};
    }

    /**
     * Edges of a grid cell in Å, as numbers: the box divided by the columns in x and y and by the layers in z. On
     * simple cubic a site's cube; on the other lattices a cell of the grid of columns and layers, not the site's
     * true place.
     */
    String[] cellEdges() {
        Lattice.Point box = lattice.boxSize();
        return new String[]{number(box.x() / lattice.sizeX() * latticeConstant),
                number(box.y() / lattice.sizeY() * latticeConstant),
                number(box.z() / lattice.sizeZ() * latticeConstant)};
    }

    /** A value such as a time, a box length or η, to nine significant digits. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.9g", value);
    }
}
