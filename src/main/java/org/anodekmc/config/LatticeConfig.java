package org.anodekmc.config;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.lattice.StackedLattice;
import java.util.Arrays;
import java.util.List;

/**
 * @param type               the crystal lattice (default: the metal's own crystal, else simple cubic)
 * @param size               box size in sites [x, y, z]; z counts the substrate layers too
 * @param substrateLayers    layers of immobile substrate at the bottom; single-atom sites sit in the top one
 * @param initialMetalLayers complete metal layers on the substrate at t = 0 (0 = bare substrate)
 * @param cOverA             c/a of hcp0001 or hcp1120 (null: the ideal √(8/3)); only hcp takes it (default: the
 *                           metal's own with its own crystal)
 * @param sizeNm             the box in nm [x, y, z], from which the loader derives size (null: size given in sites)
 */
public record LatticeConfig(Type type, List<Integer> size, int substrateLayers, int initialMetalLayers,
                            Double cOverA, List<Double> sizeNm) {
    /** The lattices of {@code lattice.Lattice.TYPES}, each with the type name that trajectory headers record. */
    public enum Type implements ConfigChoice {
        SIMPLE_CUBIC("sc"), BCC001("bcc001"), BCC110("bcc110"), FCC001("fcc001"), FCC111("fcc111"),
        HCP0001("hcp0001"), HCP1120("hcp1120");

        private final String latticeType;

        Type(String latticeType) {
            this.latticeType = latticeType;
        }

        /** The name {@code Lattice.of} takes. */
        public String latticeType() {
            return latticeType;
        }

        /** The type of this config spelling, or null if none has it. */
        public static Type ofSpelling(String spelling) {
            return Arrays.stream(values()).filter(t -> t.spelling().equals(spelling)).findFirst().orElse(null);
        }
    }

    public int sizeX() {
        return size.get(0);
    }

    public int sizeY() {
        return size.get(1);
    }

    public int sizeZ() {
        return size.get(2);
    }

    /** The lattice of this type and c/a at the given size (the box's own: sizeX(), sizeY(), sizeZ()). */
    public Lattice lattice(int sizeX, int sizeY, int sizeZ) {
        if (cOverA != null) {
            return StackedLattice.hcp(type.latticeType(), sizeX, sizeY, sizeZ, cOverA);
        }
        return Lattice.of(type.latticeType(), sizeX, sizeY, sizeZ);
    }
}
