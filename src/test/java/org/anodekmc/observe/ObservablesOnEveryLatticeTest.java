package org.anodekmc.observe;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.state.HandBuiltDeposit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Islands, surface statistics and morphology on deposits laid out by hand on every lattice of the registry. Which
 * sites are neighbours in the plane is found here from the Cartesian positions, not from the lattice's directions.
 */
class ObservablesOnEveryLatticeTest {
    private static final double TOL = 1e-9;

    static List<String> types() {
        return Lattice.TYPES;
    }

    /** Conventional constant in Ω^(1/3), from the lattice's density: Ω = column area × layer step. */
    private static double unit(Lattice lattice) {
        Lattice.Point box = lattice.boxSize();
        double omega = box.x() * box.y() * box.z() / lattice.sites();
        return 1 / Math.cbrt(omega);
    }

    private static double inPlaneDistance(Lattice lattice, int siteA, int siteB) {
        Lattice.Point a = lattice.position(siteA);
        Lattice.Point b = lattice.position(siteB);
        Lattice.Point box = lattice.boxSize();
        double dx = Math.abs(a.x() - b.x());
        double dy = Math.abs(a.y() - b.y());
        return Math.hypot(Math.min(dx, box.x() - dx), Math.min(dy, box.y() - dy));
    }

    /** The column of layer z whose site is nearest to the given column's in the plane (the first one found). */
    private static int nearestColumn(Lattice lattice, int column, int z) {
        int best = -1;
        double nearest = Double.POSITIVE_INFINITY;
        for (int c = 0; c < lattice.columns(); c++) {
            double d = inPlaneDistance(lattice, lattice.site(column, z), lattice.site(c, z));
            if (c != column && d < nearest - TOL) {
                nearest = d;
                best = c;
            }
        }
        return best;
    }

    /** The site of the layer above nearest to a site (the first one found). */
    private static int nearestAbove(Lattice lattice, int site) {
        int best = -1;
        double nearest = Double.POSITIVE_INFINITY;
        for (int c = 0; c < lattice.columns(); c++) {
            int above = lattice.site(c, lattice.z(site) + 1);
            double d = distance(lattice, site, above);
            if (d < nearest - TOL) {
                nearest = d;
                best = above;
            }
        }
        return best;
    }

    /** A box at least {@code width} Ω^(1/3) across in x and y, even in y. */
    private static Lattice box(String type, double width, int sizeZ) {
        Lattice probe = Lattice.of(type, 4, 4, 2);
        double u = unit(probe);
        int nx = (int) Math.ceil(width / (probe.boxSize().x() / 4 * u));
        int ny = (int) Math.ceil(width / (probe.boxSize().y() / 4 * u) / 2) * 2;
        return Lattice.of(type, nx, ny, sizeZ);
    }

    /** Every site of layers base..base+layers−1 filled with metal. */
    private static HandBuiltDeposit film(Lattice lattice, int base, int layers) {
        HandBuiltDeposit deposit = new HandBuiltDeposit(lattice, base);
        for (int z = base; z < base + layers; z++) {
            for (int c = 0; c < lattice.columns(); c++) {
                deposit.set(lattice.site(c, z), Species.METAL);
            }
        }
        return deposit;
    }

    @ParameterizedTest
    @MethodSource("types")
    void atomsSideBySideOnTheSubstrateAreOneIsland(String type) {
        Lattice lattice = Lattice.of(type, 8, 8, 6);
        int base = 2;
        int a = lattice.columnAt(1, 2);
        int b = nearestColumn(lattice, a, base);
        int far = lattice.columnAt(5, 6);
        HandBuiltDeposit deposit = new HandBuiltDeposit(lattice, base)
                .set(lattice.site(a, base), Species.METAL).set(lattice.site(b, base), Species.METAL)
                .set(lattice.site(far, base), Species.METAL);
        Islands islands = Islands.of(deposit);
        assertArrayEquals(new int[]{2}, islands.nucleusSizes(), type);
        assertArrayEquals(new int[]{2}, islands.nucleusFootprint(), type);
        assertEquals(1, islands.adatoms(), type);
        assertEquals(0, islands.detachedAtoms(), type);
    }

    @ParameterizedTest
    @MethodSource("types")
    void anAtomOnTopJoinsItsIslandAndOneAboveAGapIsDetached(String type) {
        Lattice lattice = Lattice.of(type, 8, 8, 8);
        int base = 1;
        int column = lattice.columnAt(3, 4);
        int farColumn = lattice.columnAt(7, 0);
        HandBuiltDeposit deposit = new HandBuiltDeposit(lattice, base)
                .set(lattice.site(column, base), Species.METAL).set(nearestAbove(lattice, lattice.site(column, base)),
                        Species.METAL)
                .set(lattice.site(farColumn, base + 3), Species.DEAD);
        Islands islands = Islands.of(deposit);
        assertArrayEquals(new int[]{2}, islands.nucleusSizes(), type);
        assertArrayEquals(new int[]{1}, islands.nucleusFootprint(), type);
        assertEquals(0, islands.adatoms(), type);
        assertEquals(1, islands.detachedAtoms(), type);
    }

    @Test
    void onBcc001OnlyTheFirstLayerJoinsAtomsBySecondShellHops() {
        // bcc (001): sites a apart in one layer are no first-shell neighbours. Two such atoms on the substrate are
        // one island; the same pair in the second layer, each on its own atom below, is joined by nothing.
        Lattice lattice = Lattice.of("bcc001", 8, 8, 6);
        int base = 1;
        int a = lattice.columnAt(2, 2);
        int b = lattice.columnAt(3, 2);
        assertEquals(1.0, inPlaneDistance(lattice, lattice.site(a, base), lattice.site(b, base)), TOL);
        Islands first = Islands.of(new HandBuiltDeposit(lattice, base)
                .set(lattice.site(a, base), Species.METAL).set(lattice.site(b, base), Species.METAL));
        assertArrayEquals(new int[]{2}, first.nucleusSizes());
        // the same in the second layer: (1,1) and (2,1), a apart, each on a first-layer atom of its own, (0,0)
        // and (2,0), which lie 2a apart
        int upperLeft = lattice.site(lattice.columnAt(1, 1), base + 1);
        int upperRight = lattice.site(lattice.columnAt(2, 1), base + 1);
        int lowerLeft = lattice.site(lattice.columnAt(0, 0), base);
        int lowerRight = lattice.site(lattice.columnAt(2, 0), base);
        assertEquals(1.0, inPlaneDistance(lattice, upperLeft, upperRight), TOL);
        assertEquals(2.0, inPlaneDistance(lattice, lowerLeft, lowerRight), TOL);
        double firstShell = Math.sqrt(3) / 2;
        assertEquals(firstShell, distance(lattice, upperLeft, lowerLeft), TOL);
        assertEquals(firstShell, distance(lattice, upperRight, lowerRight), TOL);
        assertTrue(distance(lattice, upperLeft, lowerRight) > 1 && distance(lattice, upperRight, lowerLeft) > 1);
        Islands second = Islands.of(new HandBuiltDeposit(lattice, base).set(upperLeft, Species.METAL)
                .set(upperRight, Species.METAL).set(lowerLeft, Species.METAL).set(lowerRight, Species.METAL));
        assertArrayEquals(new int[]{2, 2}, second.nucleusSizes());
    }

    private static double distance(Lattice lattice, int siteA, int siteB) {
        double dz = lattice.position(siteA).z() - lattice.position(siteB).z();
        return Math.hypot(inPlaneDistance(lattice, siteA, siteB), dz);
    }

    @ParameterizedTest
    @MethodSource("types")
    void aFlatFilmIsSmoothDenseAndAsThickAsItsVolumeOverItsArea(String type) {
        Lattice lattice = Lattice.of(type, 6, 6, 8);
        int layers = 4;
        SurfaceStatistics surface = SurfaceStatistics.of(film(lattice, 2, layers));
        assertEquals(layers, surface.meanHeight(), TOL, type);
        assertEquals(layers, surface.maxHeight(), type);
        assertEquals(0, surface.roughness(), TOL, type);
        assertEquals(1, surface.coverage(), TOL, type);
        assertEquals(0, surface.porosity(), TOL, type);
        // thickness in Ω^(1/3) = atoms · Ω / area: layers · layer spacing = atoms / (columns · column area)
        double atoms = layers * lattice.columns();
        assertEquals(atoms / (lattice.columns() * lattice.columnArea()), layers * lattice.layerSpacing(), TOL, type);
    }

    @ParameterizedTest
    @MethodSource("types")
    void aLoneHighColumnIsATipAndTwoSideBySideAreNone(String type) {
        Lattice lattice = Lattice.of(type, 10, 10, 20);
        int base = 1;
        int column = lattice.columnAt(4, 4);
        HandBuiltDeposit deposit = film(lattice, base, 2);
        // 2 Ω^(1/3) above a mean that the pillar hardly lifts: 2 / layer spacing + 2 layers over the film
        int pillar = 2 + (int) Math.ceil(2 / lattice.layerSpacing()) + 2;
        for (int z = base; z < base + pillar; z++) {
            deposit.set(lattice.site(column, z), Species.METAL);
        }
        assertEquals(1, tips(deposit), type);
        int beside = nearestColumn(lattice, column, 0);
        for (int z = base; z < base + pillar; z++) {
            deposit.set(lattice.site(beside, z), Species.METAL);
        }
        assertEquals(0, tips(deposit), type);
    }

    private static int tips(HandBuiltDeposit deposit) {
        return Morphology.of(deposit, SurfaceStatistics.of(deposit)).tips();
    }

    @Test
    void onTriangularLayersTheGridDiagonalAcrossTheShiftIsNotAround() {
        // fcc (111), hcp (0001): odd rows sit half a step to the right, so from (4, 4) the columns (5, 5) and (3, 3)
        // are √3 steps away, not neighbours, while (4, 5) and (3, 5) are
        for (String type : List.of("fcc111", "hcp0001")) {
            Lattice lattice = Lattice.of(type, 10, 10, 20);
            assertEquals(Math.sqrt(3) * inPlaneDistance(lattice, lattice.site(lattice.columnAt(4, 4), 0),
                            lattice.site(lattice.columnAt(4, 5), 0)),
                    inPlaneDistance(lattice, lattice.site(lattice.columnAt(4, 4), 0),
                            lattice.site(lattice.columnAt(5, 5), 0)), TOL);
            HandBuiltDeposit deposit = film(lattice, 1, 1);
            for (int z = 1; z < 12; z++) {
                deposit.set(lattice.site(lattice.columnAt(4, 4), z), Species.METAL);
            }
            for (int z = 1; z < 14; z++) {
                deposit.set(lattice.site(lattice.columnAt(5, 5), z), Species.METAL);
            }
            assertEquals(2, tips(deposit), type);
            for (int z = 1; z < 14; z++) {
                deposit.set(lattice.site(lattice.columnAt(3, 5), z), Species.METAL);
            }
            assertEquals(2, tips(deposit), type + ": (3, 5) is around (4, 4) and ties with (5, 5)");
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void aFlatLayerIsTwoDimensionalAndAThickFilmThree(String type) {
        Lattice lattice = box(type, 32, 64);
        double thin = Morphology.of(film(lattice, 1, 1), SurfaceStatistics.of(film(lattice, 1, 1)))
                .fractalDimension();
        assertEquals(2, thin, 0.1, type);
        int layers = (int) Math.floor(32 / lattice.layerSpacing()); // just under 32 Ω^(1/3): no partial cube on top
        HandBuiltDeposit thick = film(lattice, 1, layers);
        double d = Morphology.of(thick, SurfaceStatistics.of(thick)).fractalDimension();
        assertEquals(3, d, 0.1, type);
        assertTrue(Double.isNaN(Morphology.of(film(Lattice.of(type, 6, 6, 4), 1, 1),
                SurfaceStatistics.of(film(Lattice.of(type, 6, 6, 4), 1, 1))).fractalDimension()), type);
    }
}
