package org.anodekmc.io.export;

import org.anodekmc.io.HandBuiltRun;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.state.HandBuiltDeposit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check OVITO's structure identification would make: a perfect crystal on each lattice, exported as extended XYZ
 * and read back as positions, is identified as its crystal by an adaptive common-neighbour analysis written here
 * (Stukowski, Modelling Simul. Mater. Sci. Eng. 20, 045021 (2012), the a-CNA of OVITO): fcc is 12 neighbours with
 * signature 421, hcp 6 × 421 and 6 × 422, bcc 14 neighbours (first and second shell) with 6 × 444 and 8 × 666.
 * Distances and the box must give the metal's atomic volume.
 */
class CrystalStructureExportTest {
    /** Ω^(1/3) of Li, Å. */
    private static final double CUBE_ROOT_OMEGA = 2.78;
    private static final double HALF_ONE_PLUS_ROOT2 = (1 + Math.sqrt(2)) / 2;

    @TempDir
    static Path tmp;
    /** A run whose config and time series the crystals' run folders borrow. */
    static Path plating;

    @BeforeAll
    static void makeRun() {
        plating = TestRuns.plating(tmp.resolve("plating"));
    }

    /**
     * @param structure  what the a-CNA must find (null: none of fcc, hcp, bcc)
     * @param nearest    first-shell distance in units of Ω^(1/3)
     */
    private record Crystal(String structure, double nearest) {
    }

    private static final Map<String, Crystal> CRYSTALS = Map.of(
            "sc", new Crystal(null, 1),
            // bcc: Ω = a³/2, nearest √3/2·a
            "bcc001", new Crystal("bcc", Math.sqrt(3) / 2 * Math.cbrt(2)),
            "bcc110", new Crystal("bcc", Math.sqrt(3) / 2 * Math.cbrt(2)),
            // fcc: Ω = a³/4, nearest a/√2
            "fcc001", new Crystal("fcc", Math.cbrt(4) / Math.sqrt(2)),
            "fcc111", new Crystal("fcc", Math.cbrt(4) / Math.sqrt(2)),
            // ideal hcp: Ω = √3/2·a²·c/2 = a³/√2, nearest a
            "hcp0001", new Crystal("hcp", Math.cbrt(Math.sqrt(2))),
            // the same crystal with its basal planes upright
            "hcp1120", new Crystal("hcp", Math.cbrt(Math.sqrt(2))));

    static List<String> types() {
        return Lattice.TYPES;
    }

    private record Atoms(double[][] positions, double[] box) {
    }

    @ParameterizedTest
    @MethodSource("types")
    void anExportedPerfectCrystalIsIdentifiedAsItsStructure(String type) throws IOException {
        assertEquals(Lattice.TYPES.size(), CRYSTALS.size());
        // 14 layers, twice as many on hcp1120, whose layers lie half a first-shell distance apart
        Lattice lattice = Lattice.of(type, 8, 8, 14 * Lattice.of(type, 8, 8, 1).reach());
        Atoms atoms = export(type, lattice);
        assertEquals(lattice.sites(), atoms.positions.length, type);
        double omega = Math.pow(CUBE_ROOT_OMEGA, 3);
        assertEquals(omega, atoms.box[0] * atoms.box[1] * atoms.box[2] / lattice.sites(), 1e-3 * omega, type);

        Crystal crystal = CRYSTALS.get(type);
        double nearest = crystal.nearest * CUBE_ROOT_OMEGA;
        double cutoff = 1.5 * nearest; // beyond every crystal's first neighbours, so the interior is clear of z ends
        int interior = 0;
        for (int i = 0; i < atoms.positions.length; i++) {
            double z = atoms.positions[i][2];
            if (z < 2 * cutoff || z > atoms.box[2] - 2 * cutoff) {
                continue;
            }
            interior++;
            double[][] around = sortedNeighbours(atoms, i);
            assertEquals(nearest, length(around[0]), 2e-3, type + ": nearest distance, atom " + i);
            assertEquals(crystal.structure, structure(around), type + ": atom " + i);
        }
        assertTrue(interior >= lattice.columns() * 4, type + ": " + interior + " interior atoms");
    }

    /** A run folder holding a perfect crystal of this lattice (metal above two host layers), exported as extxyz. */
    private static Atoms export(String type, Lattice lattice) throws IOException {
        HandBuiltDeposit crystal = new HandBuiltDeposit(lattice, 2);
        for (int site = lattice.site(0, 2); site < lattice.sites(); site++) {
            crystal.set(site, Species.METAL);
        }
        Path run = HandBuiltRun.write(tmp.resolve("crystal-" + type), plating,
                lattice.layerSpacing() * CUBE_ROOT_OMEGA, List.of(crystal));
        Exporter.Result result = Exporter.export(run, ExportFormat.EXTXYZ, FrameSelection.parse("last"), null, null);
        return readXyz(result.main());
    }

    private static Atoms readXyz(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int n = Integer.parseInt(lines.get(0).trim());
        Matcher cell = Pattern.compile("Lattice=\"(\\S+) 0 0 0 (\\S+) 0 0 0 (\\S+)\"").matcher(lines.get(1));
        assertTrue(cell.find(), lines.get(1));
        double[] box = {Double.parseDouble(cell.group(1)), Double.parseDouble(cell.group(2)),
                Double.parseDouble(cell.group(3))};
        double[][] positions = new double[n][];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(2 + i).trim().split("\\s+");
            positions[i] = new double[]{Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])};
        }
        assertEquals(2 + n, lines.size());
        return new Atoms(positions, box);
    }

    /** Vectors from atom i to every other atom (nearest image in x and y), nearest first. */
    private static double[][] sortedNeighbours(Atoms atoms, int i) {
        List<double[]> vectors = new ArrayList<>();
        double[] p = atoms.positions[i];
        for (int j = 0; j < atoms.positions.length; j++) {
            if (j == i) {
                continue;
            }
            double[] d = new double[3];
            for (int k = 0; k < 3; k++) {
                d[k] = atoms.positions[j][k] - p[k];
                if (k < 2) {
                    d[k] -= atoms.box[k] * Math.rint(d[k] / atoms.box[k]);
                }
            }
            vectors.add(d);
        }
        vectors.sort(Comparator.comparingDouble(CrystalStructureExportTest::length));
        return vectors.toArray(double[][]::new);
    }

    /** fcc, hcp or bcc by the adaptive CNA, null for none of them. */
    private static String structure(double[][] around) {
        double sum12 = 0;
        for (int j = 0; j < 12; j++) {
            sum12 += length(around[j]);
        }
        Map<String, Integer> twelve = signatures(around, 12, HALF_ONE_PLUS_ROOT2 * sum12 / 12);
        if (Map.of("421", 12).equals(twelve)) {
            return "fcc";
        }
        if (Map.of("421", 6, "422", 6).equals(twelve)) {
            return "hcp";
        }
        double sum14 = 0;
        for (int j = 0; j < 14; j++) {
            sum14 += length(around[j]) * (j < 8 ? 2 / Math.sqrt(3) : 1);
        }
        Map<String, Integer> fourteen = signatures(around, 14, HALF_ONE_PLUS_ROOT2 * sum14 / 14);
        return Map.of("444", 6, "666", 8).equals(fourteen) ? "bcc" : null;
    }

    /**
     * CNA signatures (common neighbours, bonds among them, bonds in their largest connected cluster) of the bonds
     * to the {@code count} nearest neighbours, if exactly those lie within the cutoff; an empty map otherwise.
     */
    private static Map<String, Integer> signatures(double[][] around, int count, double cutoff) {
        Map<String, Integer> found = new TreeMap<>();
        if (length(around[count - 1]) > cutoff || length(around[count]) < cutoff) {
            return found;
        }
        double[][] shell = Arrays.copyOf(around, count);
        for (int j = 0; j < count; j++) {
            List<double[]> common = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                if (k != j && distance(shell[j], shell[k]) < cutoff) {
                    common.add(shell[k]);
                }
            }
            int[] cluster = new int[common.size()];
            Arrays.setAll(cluster, k -> k);
            List<int[]> bonds = new ArrayList<>();
            for (int a = 0; a < common.size(); a++) {
                for (int b = a + 1; b < common.size(); b++) {
                    if (distance(common.get(a), common.get(b)) < cutoff) {
                        bonds.add(new int[]{a, b});
                        int ra = root(cluster, a);
                        int rb = root(cluster, b);
                        cluster[ra] = rb;
                    }
                }
            }
            int[] bondsPerCluster = new int[common.size()];
            int longest = 0;
            for (int[] bond : bonds) {
                longest = Math.max(longest, ++bondsPerCluster[root(cluster, bond[0])]);
            }
            found.merge("" + common.size() + bonds.size() + longest, 1, Integer::sum);
        }
        return found;
    }

    private static int root(int[] cluster, int a) {
        while (cluster[a] != a) {
            a = cluster[a];
        }
        return a;
    }

    private static double length(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    private static double distance(double[] a, double[] b) {
        return length(new double[]{a[0] - b[0], a[1] - b[1], a[2] - b[2]});
    }
}
