package org.anodekmc.observe;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.state.HandBuiltDeposit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerracesTest {
    static List<String> types() {
        return Lattice.TYPES;
    }

    /** Two complete layers on the substrate, in an 8 × 8 × 6 box. */
    private static HandBuiltDeposit film(String type) {
        HandBuiltDeposit d = new HandBuiltDeposit(Lattice.of(type, 8, 8, 6), 1);
        Lattice l = d.lattice();
        for (int c = 0; c < l.columns(); c++) {
            d.set(l.site(c, 1), Species.METAL).set(l.site(c, 2), Species.METAL);
        }
        return d;
    }

    @ParameterizedTest
    @MethodSource("types")
    void aFlatFilmIsAllTerrace(String type) {
        assertEquals(1.0, Terraces.fraction(film(type)), 1e-12);
    }

    /**
     * One adatom on the film: it is exposed sideways (on bcc001 through its in-layer second shell). On sc it covers the
     * only upper neighbour of the atom below, which is no longer exposed (63 terrace atoms of 64 exposed); on every
     * other lattice each top atom has at least two neighbours above, so all 64 stay exposed terrace atoms (64 of 65).
     * On hcp1120 the layer under the top one is exposed upwards too, through its neighbour a above along z, the site
     * two layers up: 128 terrace atoms, less the one straight under the adatom, which covers that site (127 of 128).
     */
    @ParameterizedTest
    @MethodSource("types")
    void anAdatomIsExposedButNotTerrace(String type) {
        HandBuiltDeposit d = film(type);
        d.set(d.lattice().site(d.lattice().columnAt(3, 4), 3), Species.METAL);
        double expected = type.equals("sc") ? 63.0 / 64 : type.equals("hcp1120") ? 127.0 / 128 : 64.0 / 65;
        assertEquals(expected, Terraces.fraction(d), 1e-12);
    }

    @Test
    void aVacancyInTheTopLayerOpensItsNeighboursSideways() {
        // sc: the 4 lateral neighbours of the hole now face it, so 59 of the 63 exposed top atoms stay terrace, and
        // the atom under the hole is exposed upwards only (a terrace atom): 60 of 64
        HandBuiltDeposit d = film("sc");
        d.set(d.lattice().site(d.lattice().columnAt(3, 4), 2), Species.EMPTY);
        assertEquals(60.0 / 64, Terraces.fraction(d), 1e-12);
        assertTrue(Double.isNaN(Terraces.fraction(new HandBuiltDeposit(Lattice.of("sc", 4, 4, 4), 1))));
    }
}
