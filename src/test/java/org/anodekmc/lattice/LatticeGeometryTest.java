package org.anodekmc.lattice;

import org.anodekmc.config.LatticeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every lattice of the registry ({@link Lattice#TYPES}) against its crystal, from Cartesian positions and numbers
 * worked out by hand below; lengths are in each lattice's conventional constant a (the cube edge of sc, bcc and fcc,
 * the basal a of hcp, which Lattice.of builds with the ideal c/a = √(8/3)).
 */
class LatticeGeometryTest {
    private static final double TOL = 1e-9;
    private static final double SQRT2 = Math.sqrt(2);
    private static final double SQRT3 = Math.sqrt(3);

    /**
     * @param coordination    first-shell neighbours
     * @param nearest         first-shell distance
     * @param omega           volume per site Ω
     * @param secondShell     distance of the second-shell hop targets (0: the lattice has no second-shell hops)
     * @param faceBondsPerArea broken first-shell bonds per unit area (a⁻²) of the face parallel to the substrate
     * @param stacking         layers until a site lies straight above another (ABAB: 2, ABC: 3), which tells fcc
     *                         (111) from hcp (0001) beyond what their equal first shells and densities show
     */
    private record Crystal(int coordination, double nearest, double omega, double secondShell,
                           double faceBondsPerArea, int stacking) {
    }

    private static final Map<String, Crystal> CRYSTALS = Map.of(
            // one site per cube a³; the (001) face: 1 bond up per atom, one atom per a²
            "sc", new Crystal(6, 1, 1, SQRT2, 1, 1),
            // 2 sites per cube (corner + centre) → Ω = a³/2; neighbours at (±½, ±½, ±½): √3/2; second shell at a.
            // (001) face: a surface atom loses its 4 neighbours of the layer above; one atom per a² per layer
            "bcc001", new Crystal(8, SQRT3 / 2, 0.5, 1, 4, 2),
            // (110) face, see closePackedFacesBreakFewerBondsPerArea: 2 bonds up per atom of a²/√2 → 2√2
            "bcc110", new Crystal(8, SQRT3 / 2, 0.5, 0, 2 * SQRT2, 2),
            // 4 sites per cube → Ω = a³/4; neighbours at (½, ½, 0)·a: 1/√2. (001) face: 4 bonds up per atom, the
            // layer's square cell is (a/√2)² = a²/2 per atom → 8 per a²
            "fcc001", new Crystal(12, 1 / SQRT2, 0.25, 0, 8, 2),
            // (111) face: 3 bonds up per atom, a triangular cell of side b = a/√2 holds √3/2·b² = √3/4·a² per atom
            // → 3 / (√3/4) = 4√3 per a²
            "fcc111", new Crystal(12, 1 / SQRT2, 0.25, 0, 4 * SQRT3, 3),
            // Ω = (√3/2·a²)·(c/2) with c = √(8/3)·a → √2/2; (0001) face: 3 bonds up per atom of √3/2·a² → 2√3
            "hcp0001", new Crystal(12, 1, SQRT2 / 2, 0, 2 * SQRT3, 2),
            // the same Ω; (11̄20) face: a surface atom loses 4 bonds to the layer a/2 above and 1 to the one a above,
            // and the layer under it 1 more (to the layer a above it): 6 per atom of a√3·c/2 = √2·a² → 3√2. Its
            // terrace hops are to the sites at a√2 in the layer (hcp's second shell). Stacking AB.
            "hcp1120", new Crystal(12, 1, SQRT2 / 2, SQRT2, 3 * SQRT2, 2));

    static List<String> types() {
        return Lattice.TYPES;
    }

    /** A box big enough that every site has all its neighbours distinct; even in y for the triangular layers. */
    private static Lattice box(String type) {
        return Lattice.of(type, 6, 6, 7);
    }

    @Test
    void everyRegisteredTypeHasItsCrystalHere() {
        assertEquals(Set.copyOf(Lattice.TYPES), CRYSTALS.keySet());
    }

    @Test
    void theConfigNamesEveryLatticeOnce() {
        List<String> named = Arrays.stream(LatticeConfig.Type.values()).map(LatticeConfig.Type::latticeType).toList();
        assertEquals(Lattice.TYPES, named);
    }

    @ParameterizedTest
    @MethodSource("types")
    void neighboursAreSymmetricDistinctAndNumberedLayerByLayer(String type) {
        Lattice l = box(type);
        assertEquals(type, l.type());
        assertEquals(CRYSTALS.get(type).coordination(), l.coordination());
        for (int site = 0; site < l.sites(); site++) {
            assertEquals(site, l.site(l.column(site), l.z(site)));
            Set<Integer> seen = new HashSet<>();
            for (int d = 0; d < l.hopDirections(true); d++) {
                int j = l.neighbour(site, d);
                assertEquals(-l.dz(d), l.dz(l.reverse(d)), "direction " + d);
                assertEquals(l.column(j < 0 ? j + l.sites() : j), l.neighbourColumn(l.column(site), l.z(site), d));
                if (j < 0 || j >= l.sites()) {
                    continue;
                }
                assertEquals(l.z(site) + l.dz(d), l.z(j));
                assertEquals(site, l.neighbour(j, l.reverse(d)), "site " + site + " direction " + d);
                assertTrue(seen.add(j), "site " + site + " reaches " + j + " twice");
                assertNotEquals(site, j);
            }
        }
    }

    /** Boxes of power-of-two sides take the neighbour from bit fields; the same sites as the column arithmetic. */
    @ParameterizedTest
    @MethodSource("types")
    void powerOfTwoBoxesFindTheSameNeighbours(String type) {
        for (Lattice l : List.of(Lattice.of(type, 8, 4, 7), Lattice.of(type, 4, 8, 6), box(type))) {
            for (int site = 0; site < l.sites(); site++) {
                int z = l.z(site);
                for (int d = 0; d < l.hopDirections(true); d++) {
                    int expected = l.site(l.neighbourColumn(l.column(site), z, d), z + l.dz(d));
                    assertEquals(expected, l.neighbour(site, d), type + " site " + site + " direction " + d);
                }
            }
        }
    }

    /**
     * The neighbours the two ends of a hop share, kept per kind of site, are those of every site; a first-shell hop's
     * ends share four on the close-packed lattices (fcc, hcp), none on sc and bcc, besides each other.
     */
    @ParameterizedTest
    @MethodSource("types")
    void theEndsOfAHopShareTheNeighboursTheLatticeSays(String type) {
        boolean closePacked = type.startsWith("fcc") || type.startsWith("hcp");
        for (Lattice l : List.of(Lattice.of(type, 8, 4, 10), Lattice.of(type, 6, 6, 10))) {
            // neighbours of neighbours stay inside the box (they reach at most 4 layers up or down)
            for (int site = 4 * l.columns(); site < l.sites() - 4 * l.columns(); site++) {
                for (int d = 0; d < l.hopDirections(true); d++) {
                    int other = l.neighbour(site, d);
                    Set<Integer> around = new HashSet<>(List.of(other));
                    for (int f = 0; f < l.coordination(); f++) {
                        around.add(l.neighbour(other, f));
                    }
                    int expected = 0;
                    for (int e = 0; e < l.coordination(); e++) {
                        expected |= around.contains(l.neighbour(site, e)) ? 1 << e : 0;
                    }
                    assertEquals(expected, l.sharedNeighbours(site, d), type + " site " + site + " direction " + d);
                    if (l.isFirstShell(d)) {
                        assertEquals(closePacked ? 5 : 1, Integer.bitCount(expected), type + " direction " + d);
                    }
                }
            }
        }
    }

    /** Substrate atoms under a first-layer site, counted by hand from the first shell's layers (table in model.md). */
    @Test
    void neighboursBelowAreThoseOfTheLayerUnderneath() {
        Map<String, Integer> below = Map.of("sc", 1, "bcc001", 4, "bcc110", 2, "fcc001", 4, "fcc111", 3, "hcp0001", 3,
                "hcp1120", 5); // 4 in the layer a/2 below, 1 in the one a below
        for (String type : Lattice.TYPES) {
            assertEquals(below.get(type), box(type).neighboursBelow(), type);
            // the first shell reaches the next layer, on hcp1120 (its basal neighbours along z, a = 2 layers) two
            assertEquals(type.equals("hcp1120") ? 2 : 1, box(type).reach(), type);
        }
    }

    /** The engine's column shortcuts (solid columns grounded, empty columns open to the electrolyte) rely on it. */
    @ParameterizedTest
    @MethodSource("types")
    void aColumnsSitesInSuccessiveLayersAreFirstShellNeighbours(String type) {
        Lattice l = box(type);
        double nearest = CRYSTALS.get(type).nearest();
        for (int c = 0; c < l.columns(); c++) {
            for (int z = 0; z + 1 < l.sizeZ(); z++) {
                assertEquals(nearest, distance(l, l.site(c, z), l.site(c, z + 1)), TOL, "column " + c + " z " + z);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void theFirstShellIsEverySiteAtTheNearestDistance(String type) {
        Lattice l = box(type);
        Crystal c = CRYSTALS.get(type);
        for (int site = 0; site < l.sites(); site++) {
            int z = l.z(site);
            for (int d = 0; d < l.coordination(); d++) {
                int j = l.neighbour(site, d);
                if (j >= 0 && j < l.sites()) {
                    assertEquals(c.nearest(), distance(l, site, j), TOL, "site " + site + " direction " + d);
                }
            }
            if (z < l.reach() || z >= l.sizeZ() - l.reach()) {
                continue; // neighbours above or below lie outside the box
            }
            int closer = 0;
            int atNearest = 0;
            for (int other = 0; other < l.sites(); other++) {
                double r = distance(l, site, other);
                closer += other != site && r < c.nearest() - TOL ? 1 : 0;
                atNearest += Math.abs(r - c.nearest()) < TOL ? 1 : 0;
            }
            assertEquals(0, closer, "no site lies closer than the first shell");
            assertEquals(c.coordination(), atNearest, "sites at the nearest distance from site " + site);
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void layersRepeatWithTheCrystalsStacking(String type) {
        Lattice l = box(type);
        Lattice.Point bottom = l.position(0);
        int repeat = 1;
        while (!sameColumnPlace(bottom, l.position(l.site(0, repeat)))) {
            repeat++;
        }
        assertEquals(CRYSTALS.get(type).stacking(), repeat);
        // and every layer repeats the one a period below it, site for site
        for (int site = repeat * l.columns(); site < l.sites(); site++) {
            assertTrue(sameColumnPlace(l.position(site), l.position(site - repeat * l.columns())), "site " + site);
        }
    }

    private static boolean sameColumnPlace(Lattice.Point p, Lattice.Point q) {
        return Math.abs(p.x() - q.x()) < TOL && Math.abs(p.y() - q.y()) < TOL;
    }

    @ParameterizedTest
    @MethodSource("types")
    void siteDensityIsOneOverOmega(String type) {
        Lattice l = box(type);
        Crystal c = CRYSTALS.get(type);
        Lattice.Point b = l.boxSize();
        assertEquals(c.omega(), b.x() * b.y() * b.z() / l.sites(), TOL);
        double unit = Math.cbrt(c.omega()); // Ω^(1/3) in lattice constants
        assertEquals(b.x() * b.y() / l.columns() / (unit * unit), l.columnArea(), TOL);
        assertEquals(b.z() / l.sizeZ() / unit, l.layerSpacing(), TOL);
        assertEquals(1, l.columnArea() * l.layerSpacing(), TOL);
        Set<String> places = new HashSet<>();
        for (int site = 0; site < l.sites(); site++) {
            Lattice.Point p = l.position(site);
            assertTrue(p.x() >= 0 && p.x() < b.x() && p.y() >= 0 && p.y() < b.y() && p.z() > 0 && p.z() < b.z(),
                    "site " + site + " at " + p + " outside the box " + b);
            assertTrue(places.add(Math.round(p.x() * 1e6) + " " + Math.round(p.y() * 1e6) + " "
                    + Math.round(p.z() * 1e6)), "two sites at " + p);
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void secondShellHopsPassBetweenTwoSitesNextToBothEnds(String type) {
        Lattice l = box(type);
        Crystal c = CRYSTALS.get(type);
        assertEquals(c.secondShell() == 0, l.hopDirections(true) == l.coordination());
        assertEquals(l.coordination(), l.hopDirections(false));
        for (int site = 0; site < l.sites(); site++) {
            for (int d = l.coordination(); d < l.hopDirections(true); d++) {
                int j = l.neighbour(site, d);
                int first = l.firstBridge(site, d);
                int second = l.secondBridge(site, d);
                if (!inside(l, j) || !inside(l, first) || !inside(l, second)) {
                    continue;
                }
                assertTrue(!l.isFirstShell(d));
                assertEquals(c.secondShell(), distance(l, site, j), TOL);
                assertNotEquals(first, second);
                for (int bridge : new int[]{first, second}) {
                    assertEquals(c.nearest(), distance(l, site, bridge), TOL, "bridge of site " + site + " d " + d);
                    assertEquals(c.nearest(), distance(l, j, bridge), TOL, "bridge of site " + site + " d " + d);
                }
                // the way back passes the same two sites, so a blocked move is blocked both ways
                int back = l.reverse(d);
                assertEquals(Set.of(first, second), Set.of(l.firstBridge(j, back), l.secondBridge(j, back)));
            }
        }
    }

    /** Broken first-shell bonds per a² of the face parallel to the substrate: a slab filling the lower layers. */
    @ParameterizedTest
    @MethodSource("types")
    void theFaceParallelToTheSubstrateBreaksTheBondsCountedByHand(String type) {
        Lattice l = box(type);
        Lattice.Point b = l.boxSize();
        int broken = brokenBonds(l, site -> l.z(site) < 3, site -> true);
        assertEquals(CRYSTALS.get(type).faceBondsPerArea(), broken / (b.x() * b.y()), TOL);
    }

    /**
     * In units of Ω^(2/3) (so that one metal's faces compare across lattices): bcc (110) below bcc (001), fcc (111)
     * below fcc (001). The bcc (110) face is cut across the bcc001 box: all sites with x + y below a plane. Its atoms
     * lie on planes x + y = n·a (corners (i, j, k): i + j; centres: i + j + 1), a/√2 apart; each atom keeps 4 of its 8
     * neighbours in its plane ((±½, ∓½, ±½)), has 2 in the plane beyond ((½, ½, ±½)), so loses 2 bonds; an atom
     * covers Ω / (a/√2) = a²/√2 of the face → 2√2 broken bonds per a², below the 4 of (001).
     */
    @Test
    void closePackedFacesBreakFewerBondsPerArea() {
        double bcc110 = 2 * SQRT2;
        assertEquals(bcc110, CRYSTALS.get("bcc110").faceBondsPerArea());
        assertTrue(perOmega(bcc110, "bcc110") < perOmega(CRYSTALS.get("bcc001").faceBondsPerArea(), "bcc001"));
        assertTrue(perOmega(CRYSTALS.get("fcc111").faceBondsPerArea(), "fcc111")
                < perOmega(CRYSTALS.get("fcc001").faceBondsPerArea(), "fcc001"));
        // hcp (0001) and fcc (111) are the same close-packed face; hcp's prismatic a-plane breaks more
        assertEquals(perOmega(CRYSTALS.get("fcc111").faceBondsPerArea(), "fcc111"),
                perOmega(CRYSTALS.get("hcp0001").faceBondsPerArea(), "hcp0001"), TOL);
        assertTrue(CRYSTALS.get("hcp0001").faceBondsPerArea() < CRYSTALS.get("hcp1120").faceBondsPerArea());

        int n = 8;
        Lattice l = Lattice.of("bcc001", n, n, 6);
        Lattice.Point origin = l.position(0);
        // x + y relative to site 0 is a whole number of a; the slab holds the planes 0 … n/2 − 1 modulo n
        IntPredicate slab = site -> {
            Lattice.Point p = l.position(site);
            return Math.floorMod(Math.round(p.x() - origin.x() + p.y() - origin.y()), n) < n / 2;
        };
        // count only atoms of the inner layers, whose neighbours all lie in the box
        int broken = brokenBonds(l, slab, site -> l.z(site) > 0 && l.z(site) < l.sizeZ() - 1);
        // two faces, each a line x + y = const that wraps around the n × n box once (length n·√2) times the height
        // of the inner layers
        double area = 2 * n * SQRT2 * (l.sizeZ() - 2) * 0.5;
        assertEquals(bcc110, broken / area, TOL);
    }

    @Test
    void boxesTheLayersCannotWrapAroundAreRefusedWithTheReason() {
        for (String rowShifted : List.of("bcc110", "fcc111", "hcp0001", "hcp1120")) {
            IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                    () -> Lattice.of(rowShifted, 6, 5, 4));
            assertTrue(odd.getMessage().contains("size y must be even"), odd.getMessage());
            assertTrue(odd.getMessage().startsWith(rowShifted), odd.getMessage());
        }
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> Lattice.of("bcc001", 2, 6, 4));
        assertTrue(small.getMessage().contains("at least 3"), small.getMessage());
        assertTrue(Lattice.of("bcc001", 5, 3, 4).sites() == 60, "bcc001 takes any size from 3");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Lattice.of("bcc111", 4, 4, 4));
        assertTrue(unknown.getMessage().contains("known: sc, bcc001, bcc110, fcc001, fcc111, hcp0001, hcp1120"),
                unknown.getMessage());
    }

    /**
     * Zn's c/a = 1.856 (above the ideal 1.633), in both orientations: the 6 neighbours in the site's basal plane stay
     * at a, the 6 in the basal planes c/2 above and below move to √(a²/3 + c²/4) (the hollow lies a/√3 off the site);
     * hcp1120's second-shell hop, (2a/√3, ±c/2) in the layer, to √(4a²/3 + c²/4). Ω = √3/2·a²·c/2. On hcp0001 c
     * lies along z, on hcp1120 along y.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hcp0001", "hcp1120"})
    void hcpTakesItsOwnRatioOfCToA(String orientation) {
        double ratio = 1.856;
        Lattice l = StackedLattice.hcp(orientation, 6, 6, 7, ratio);
        Lattice.Point b = l.boxSize();
        assertEquals(SQRT3 / 4 * ratio, b.x() * b.y() * b.z() / l.sites(), TOL);
        assertEquals(1, l.columnArea() * l.layerSpacing(), TOL);
        for (int site : new int[]{l.site(l.columnAt(2, 3), 3), l.site(l.columnAt(2, 2), 2)}) {
            int basal = 0;
            for (int d = 0; d < l.hopDirections(true); d++) {
                int j = l.neighbour(site, d);
                double dy = Math.abs(l.position(j).y() - l.position(site).y());
                double alongC = orientation.equals("hcp0001") ? l.position(j).z() - l.position(site).z()
                        : Math.min(dy, b.y() - dy);
                boolean inBasalPlane = Math.abs(alongC) < TOL;
                basal += inBasalPlane ? 1 : 0;
                double expected = inBasalPlane ? 1
                        : Math.sqrt((l.isFirstShell(d) ? 1.0 : 4.0) / 3 + ratio * ratio / 4);
                assertEquals(expected, distance(l, site, j), TOL, "direction " + d);
            }
            assertEquals(6, basal, "the six neighbours of the basal plane");
        }
        // its name carries the ratio, so that a trajectory rebuilds the same lattice
        assertEquals(orientation + "(c/a=1.856)", l.type());
        assertEquals(l.position(5), Lattice.of(l.type(), 6, 6, 7).position(5));
        assertEquals(orientation, StackedLattice.hcp(orientation, 6, 6, 5, StackedLattice.IDEAL_C_OVER_A).type());
        assertThrows(IllegalArgumentException.class, () -> Lattice.of(orientation + "(c/a=x)", 6, 6, 5));
    }

    /** Bonds from a site in {@code filled} (and in {@code counted}) to an empty site inside the box. */
    private static int brokenBonds(Lattice l, IntPredicate filled, IntPredicate counted) {
        int broken = 0;
        for (int site = 0; site < l.sites(); site++) {
            if (!filled.test(site) || !counted.test(site)) {
                continue;
            }
            for (int d = 0; d < l.coordination(); d++) {
                int j = l.neighbour(site, d);
                broken += inside(l, j) && !filled.test(j) ? 1 : 0;
            }
        }
        return broken;
    }

    /** Bonds per a² in units of Ω^(2/3). */
    private static double perOmega(double perArea, String type) {
        return perArea * Math.pow(CRYSTALS.get(type).omega(), 2.0 / 3);
    }

    private static boolean inside(Lattice l, int site) {
        return site >= 0 && site < l.sites();
    }

    /** Distance between two sites to the nearest periodic image in x and y. */
    private static double distance(Lattice l, int i, int j) {
        Lattice.Point p = l.position(i);
        Lattice.Point q = l.position(j);
        Lattice.Point b = l.boxSize();
        double dx = q.x() - p.x() - b.x() * Math.round((q.x() - p.x()) / b.x());
        double dy = q.y() - p.y() - b.y() * Math.round((q.y() - p.y()) / b.y());
        double dz = q.z() - p.z();
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
