package org.anodekmc.lattice;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Neighbours and numbering against coordinates computed by hand, with periodic wrap in x and y. */
class SimpleCubicLatticeTest {
    private static final int[][] LATERAL_STEPS = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};

    @ParameterizedTest
    @CsvSource({"8, 8, 5", "32, 16, 3", "6, 10, 4", "16, 3, 7"}) // power-of-two and other widths
    void neighbourColumnsWrapPeriodically(int sizeX, int sizeY, int sizeZ) {
        Lattice l = new SimpleCubicLattice(sizeX, sizeY, sizeZ);
        java.util.BitSet numbered = new java.util.BitSet();
        for (int y = 0; y < sizeY; y++) {
            for (int x = 0; x < sizeX; x++) {
                int column = l.columnAt(x, y);
                for (int d = 0; d < l.hopDirections(true); d++) {
                    int expected = column;
                    int lateral = d < 4 ? d : d < 6 ? -1 : (d - 6) % 4;
                    if (lateral >= 0) {
                        int nx = Math.floorMod(x + LATERAL_STEPS[lateral][0], sizeX);
                        int ny = Math.floorMod(y + LATERAL_STEPS[lateral][1], sizeY);
                        expected = nx + sizeX * ny;
                    }
                    assertEquals(expected, l.neighbourColumn(column, 1, d), "x " + x + " y " + y + " direction " + d);
                    for (int z = 0; z < sizeZ; z++) {
                        assertEquals(expected + (z + l.dz(d)) * l.columns(), l.neighbour(l.site(column, z), d),
                                "site neighbour, x " + x + " y " + y + " z " + z + " direction " + d);
                    }
                }
                for (int z = 0; z < sizeZ; z++) {
                    int site = l.site(column, z);
                    assertEquals(false, numbered.get(site), "site " + site + " numbered twice");
                    numbered.set(site);
                    assertEquals(column, l.column(site));
                    assertEquals(z, l.z(site));
                }
            }
        }
        assertEquals(l.sites(), numbered.cardinality());
        assertEquals(l.sites(), numbered.length(), "site numbers run from 0 to sites − 1");
    }

    @Test
    void sitesSitAtCellCentresOneLatticeConstantFromTheirNeighbours() {
        Lattice l = Lattice.of("sc", 6, 4, 5);
        assertEquals("sc", l.type());
        assertEquals(new Lattice.Point(2.5, 1.5, 3.5), l.position(l.site(l.columnAt(2, 1), 3)));
        Lattice.Point box = l.boxSize();
        assertEquals(new Lattice.Point(6, 4, 5), box);
        for (int site = 0; site < l.sites(); site++) {
            Lattice.Point p = l.position(site);
            assertTrue(p.x() > 0 && p.x() < box.x() && p.y() > 0 && p.y() < box.y() && p.z() > 0 && p.z() < box.z());
            for (int d = 0; d < l.coordination(); d++) {
                int n = l.neighbour(site, d);
                if (n < 0 || n >= l.sites()) {
                    continue;
                }
                Lattice.Point q = l.position(n);
                // the periodic image nearest to p
                double dx = q.x() - p.x() - box.x() * Math.round((q.x() - p.x()) / box.x());
                double dy = q.y() - p.y() - box.y() * Math.round((q.y() - p.y()) / box.y());
                double dz = q.z() - p.z();
                assertEquals(1.0, Math.sqrt(dx * dx + dy * dy + dz * dz), 1e-12, "site " + site + " direction " + d);
            }
        }
    }

    @Test
    void anUnknownLatticeTypeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lattice.of("bcc", 4, 4, 4));
        assertTrue(e.getMessage().contains("unknown lattice type 'bcc'"), e.getMessage());
    }
}
