package org.anodekmc.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.anodekmc.lattice.Lattice;

import java.util.Arrays;

/**
 * A box given by its size in nm (`lattice.sizeNm: [x, y, z]`) becomes `lattice.size` in columns, rows and layers of
 * the run's lattice: its steps follow from the lattice's geometry and the metal's atomic volume, so the same sizeNm
 * gives boxes of nearly the same area and height on every lattice (bcc110's rows are a/2 apart and its columns a√2).
 * Each count is the nearest whole number (at least 4 across, even across rows that shift every other row).
 */
final class BoxSize {
    /** Sites along one axis; the validator then weighs the whole box against memory. Halved: rows come in pairs. */
    private static final int MAX_SITES_PER_AXIS = Integer.MAX_VALUE / 2;

    private BoxSize() {
    }

    /** Sets lattice.size of a merged config tree from lattice.sizeNm, if it has one. */
    static void derive(ObjectNode tree, JsonNode written) {
        JsonNode lattice = tree.path("lattice");
        JsonNode sizeNm = lattice.get("sizeNm");
        if (sizeNm == null || sizeNm.isNull()) {
            return;
        }
        double[] nm = new double[3];
        for (int i = 0; i < 3; i++) {
            JsonNode v = sizeNm.get(i);
            if (!sizeNm.isArray() || sizeNm.size() != 3 || !v.isNumber() || !(v.asDouble() > 0)) {
                throw new ConfigException("lattice.sizeNm", "must be three positive lengths [x, y, z] in nm, got "
                        + sizeNm);
            }
            nm[i] = v.asDouble();
        }
        double volume = tree.path("metal").path("atomicVolume").asDouble(Double.NaN);
        LatticeConfig.Type type = LatticeConfig.Type.ofSpelling(lattice.path("type").asText());
        if (type == null || !(volume > 0)) {
            return; // the binder and the validator name what is wrong
        }
        JsonNode cOverA = lattice.get("cOverA");
        if (cOverA != null && !cOverA.isNull() && !(cOverA.isNumber() && cOverA.asDouble() > 0)) {
            return; // the validator names it
        }
        Double ratio = cOverA != null && cOverA.isNumber() ? cOverA.asDouble() : null;
        // the lattice is built here first, so a c/a it cannot take is refused here
        ConfigValidator.cOverA("lattice.cOverA", type, ratio);
        int[] size = sites(new LatticeConfig(type, null, 0, 0, ratio, null), volume, nm);
        // a config that gives both (as a resolved config does) must give the size that sizeNm makes
        JsonNode given = written.path("lattice").get("size");
        if (given != null && !given.isNull() && !sameSize(given, size)) {
            throw new ConfigException("lattice.size", "is " + given + " but lattice.sizeNm " + sizeNm + " gives "
                    + Arrays.toString(size) + "; give one of the two");
        }
        ArrayNode out = ((ObjectNode) lattice).putArray("size");
        for (int n : size) {
            out.add(n);
        }
    }

    /** Columns, rows and layers of the lattice closest to x × y × z nm for a metal of this atomic volume (Å³). */
    static int[] sites(LatticeConfig lattice, double atomicVolume, double[] nm) {
        Lattice probe = lattice.lattice(4, 4, 4);
        Lattice.Point box = probe.boxSize();
        // the conventional constant (Å) that gives each site the atomic volume
        double constant = Math.cbrt(atomicVolume * probe.sites() / (box.x() * box.y() * box.z()));
        double columns = 10 * nm[0] / (box.x() / 4 * constant);
        double rows = 10 * nm[1] / (box.y() / 4 * constant);
        double layers = 10 * nm[2] / (box.z() / 4 * constant);
        boolean evenRows;
        try {
            lattice.lattice(4, 5, 4);
            evenRows = false;
        } catch (IllegalArgumentException e) {
            evenRows = true;
        }
        int y = evenRows ? 2 * count(rows / 2, nm) : count(rows, nm);
        return new int[]{Math.max(4, count(columns, nm)), Math.max(4, y), count(layers, nm)};
    }

    private static int count(double sites, double[] nm) {
        if (!(Math.round(sites) <= MAX_SITES_PER_AXIS)) {
            throw new ConfigException("lattice.sizeNm", Arrays.toString(nm) + " nm gives " + String.format(
                    java.util.Locale.ROOT, "%.3g", sites) + " sites along one axis, more than a box can hold");
        }
        return (int) Math.round(sites);
    }

    private static boolean sameSize(JsonNode given, int[] size) {
        if (!given.isArray() || given.size() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (!given.get(i).isInt() || given.get(i).asInt() != size[i]) {
                return false;
            }
        }
        return true;
    }
}
