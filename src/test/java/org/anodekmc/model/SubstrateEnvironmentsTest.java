package org.anodekmc.model;

import org.anodekmc.TestConfigs;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.lattice.Lattice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubstrateEnvironmentsTest {
    private static final String TWO_SITE_SPECIES = TestConfigs.metal(0.06, 0.3) + """
            lattice: {size: [32, 32, 6], substrateLayers: 2}
            substrate:
              host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.3}
              sites:
                - {name: A, bondEnergy: 0.3, fraction: 0.3}
                - {name: B, bondEnergy: 0.7, fraction: 0.3}
            stop: {events: 1}
            """;

    static List<String> types() {
        return Lattice.TYPES;
    }

    private static byte[] randomTop(Lattice lattice) {
        byte[] top = new byte[lattice.columns()];
        Random random = new Random(5);
        for (int i = 0; i < top.length; i++) {
            double u = random.nextDouble();
            top[i] = u < 0.3 ? Species.site(0) : u < 0.6 ? Species.site(1) : Species.HOST;
        }
        return top;
    }

    /**
     * Two site species at 30 % each, placed at random: every first-layer site sums the bonds of several substrate
     * atoms, in an order that depends on the site, yet sites of one layer that bind alike must share one code (the
     * codes are few: at most 63).
     */
    @ParameterizedTest
    @MethodSource("types")
    void sitesThatBindAlikeShareOneCode(String type) {
        SimulationConfig c = TestConfigs.yaml(TWO_SITE_SPECIES);
        Lattice lattice = Lattice.of(type, 32, 32, 6);
        SubstrateEnvironments environments = SubstrateEnvironments.of(randomTop(lattice), lattice, 2,
                c.substrate(), new LatticeBonds(c, lattice));
        double[] binding = environments.bindings();
        int[] layer = environments.contactLayers();
        for (int i = 1; i < binding.length; i++) {
            for (int j = i + 1; j < binding.length; j++) {
                assertTrue(layer[i] != layer[j] || Math.abs(binding[i] - binding[j]) > 1e-9,
                        type + ": codes " + i + " and " + j + " bind alike, " + binding[i] + " and " + binding[j]);
            }
        }
    }

    /**
     * On hcp1120 the first shell reaches two layers: every site of the first two metal layers binds the substrate
     * atoms within the nearest distance of it (found from Cartesian positions, the top substrate layer holding the
     * single-atom sites, the one below host), each with its own bond; the third layer binds none.
     */
    @Test
    void aPrismaticFilmsFirstTwoLayersBindTheSubstrateAtomsWithinTheFirstShell() {
        SimulationConfig c = TestConfigs.yaml(TWO_SITE_SPECIES);
        Lattice lattice = Lattice.of("hcp1120", 8, 8, 6);
        LatticeBonds bonds = new LatticeBonds(c, lattice);
        byte[] top = randomTop(lattice);
        int surfaceZ = 2;
        SubstrateEnvironments environments = SubstrateEnvironments.of(top, lattice, surfaceZ, c.substrate(), bonds);
        assertEquals(2 * lattice.columns(), environments.contactSites());
        double[] binding = environments.bindings();
        int[] layer = environments.contactLayers();
        Lattice.Point box = lattice.boxSize();
        for (int i = 0; i < environments.contactSites(); i++) {
            int site = lattice.site(i % lattice.columns(), surfaceZ + i / lattice.columns());
            Lattice.Point p = lattice.position(site);
            double expected = 0;
            int atoms = 0;
            for (int atom = 0; atom < lattice.site(0, surfaceZ); atom++) {
                Lattice.Point q = lattice.position(atom);
                double dx = Math.abs(p.x() - q.x());
                double dy = Math.abs(p.y() - q.y());
                double r = Math.hypot(Math.hypot(Math.min(dx, box.x() - dx), Math.min(dy, box.y() - dy)),
                        p.z() - q.z());
                if (r < 1 + 1e-9) {
                    byte species = lattice.z(atom) == surfaceZ - 1 ? top[lattice.column(atom)] : Species.HOST;
                    expected += species == Species.HOST ? bonds.hostBond()
                            : bonds.siteBond(species - Species.FIRST_SITE);
                    atoms++;
                }
            }
            int code = environments.code(i);
            assertEquals(i / lattice.columns() == 0 ? 5 : 1, atoms, "site " + site);
            assertEquals(i / lattice.columns(), layer[code]);
            assertEquals(expected, binding[code], 1e-12, "site " + site);
        }
    }
}
