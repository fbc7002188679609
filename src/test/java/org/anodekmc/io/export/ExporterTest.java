package org.anodekmc.io.export;

import org.anodekmc.io.CyclingRunTest;
import org.anodekmc.io.RunFolder;
import org.anodekmc.io.TrajectoryReader;
import org.anodekmc.model.Species;
import org.anodekmc.run.RunExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exports a small real run in every format and reads the files back with readers written here: atom counts per
 * species, metal positions, box and times must match what {@link TrajectoryReader} says about the run.
 */
class ExporterTest {
    private static final List<String> NAMES = TestRuns.PLATING_TYPES;

    @TempDir
    static Path tmp;
    static Path run;
    private static Locale oldLocale;

    @BeforeAll
    static void makeRun() {
        // a comma as decimal separator must not leak into the files
        oldLocale = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        run = TestRuns.plating(tmp.resolve("plating"));
    }

    @AfterAll
    static void restoreLocale() {
        Locale.setDefault(oldLocale);
    }

    /** Expected atoms per species code (index 1 metal, 2 host, 3 + k site k) straight from the trajectory. */
    private static long[] expectedCounts(TrajectoryReader r, int frame) {
        long[] n = new long[NAMES.size()];
        int columns = r.sizeX() * r.sizeY();
        n[2] = (long) columns * (r.surfaceZ() - 1);
        for (int c = 0; c < columns; c++) {
            n[r.substrate(c)]++;
        }
        n[1] = r.frame(frame).atoms();
        return n;
    }

    private static long sum(long[] counts) {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }

    private static TrajectoryReader trajectory() {
        return new TrajectoryReader(run.resolve(RunFolder.TRAJECTORY));
    }

    /** Lattice indices of an atom at the centre of its cell. */
    private static int cell(String coordinate, double a) {
        double cells = Double.parseDouble(coordinate) / a;
        int i = (int) Math.floor(cells);
        assertEquals(i + 0.5, cells, 1e-3, "atoms sit at cell centres: " + coordinate);
        return i;
    }

    /** Checks that the metal atoms listed for a frame are exactly the occupied sites of the trajectory. */
    private static void assertMetalSitesMatch(TrajectoryReader r, int frame, List<String[]> metalXyz) {
        TrajectoryReader.Frame deposit = r.frame(frame);
        double a = r.latticeConstant();
        for (String[] xyz : metalXyz) {
            int column = cell(xyz[0], a) + r.sizeX() * cell(xyz[1], a);
            int z = cell(xyz[2], a);
            assertTrue(z >= r.surfaceZ() && Species.isDeposit(deposit.species(deposit.lattice().site(column, z))),
                    "metal atom at an occupied site");
        }
        assertEquals(deposit.atoms(), metalXyz.size());
    }

    private static Exporter.Result export(ExportFormat format, String frames, String out) {
        return Exporter.export(run, format, FrameSelection.parse(frames), tmp.resolve(out), null);
    }

    @Test
    void extendedXyzHoldsEveryFrameWithItsCellTimeAndSpecies() throws IOException {
        Exporter.Result result = export(ExportFormat.EXTXYZ, "all", "xyz");
        List<String> lines = Files.readAllLines(result.main());
        Pattern pair = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");
        try (TrajectoryReader r = trajectory()) {
            assertTrue(r.frames() >= 5);
            double a = r.latticeConstant();
            int line = 0;
            for (int f = 0; f < r.frames(); f++) {
                long[] expected = expectedCounts(r, f);
                int atoms = Integer.parseInt(lines.get(line++).strip());
                assertEquals(sum(expected), atoms);
                Map<String, String> comment = new HashMap<>();
                Matcher m = pair.matcher(lines.get(line++));
                while (m.find()) {
                    comment.put(m.group(1), m.group(2));
                }
                String[] lattice = comment.get("Lattice").replace("\"", "").split(" ");
                double[] box = {r.sizeX() * a, r.sizeY() * a, r.sizeZ() * a};
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        assertEquals(i == j ? box[i] : 0, Double.parseDouble(lattice[3 * i + j]), 1e-6);
                    }
                }
                assertEquals("\"T T F\"", comment.get("pbc"));
                assertEquals("species:S:1:pos:R:3", comment.get("Properties"));
                assertEquals(r.info(f).time(), Double.parseDouble(comment.get("Time")),
                        1e-8 * r.info(f).time());
                Map<String, Long> counted = new LinkedHashMap<>();
                List<String[]> metal = new ArrayList<>();
                for (int i = 0; i < atoms; i++) {
                    String[] fields = lines.get(line++).split(" ");
                    assertEquals(4, fields.length, "species and three coordinates");
                    counted.merge(fields[0], 1L, Long::sum);
                    for (int k = 1; k <= 3; k++) {
                        double c = Double.parseDouble(fields[k]);
                        assertTrue(c > 0 && c < box[k - 1], "inside the box: " + fields[k]);
                    }
                    if (fields[0].equals("M")) {
                        metal.add(new String[]{fields[1], fields[2], fields[3]});
                    }
                }
                for (int code = 1; code < NAMES.size(); code++) {
                    assertEquals(expected[code], counted.getOrDefault(NAMES.get(code), 0L), NAMES.get(code));
                }
                assertMetalSitesMatch(r, f, metal);
            }
            assertEquals(lines.size(), line, "nothing after the last frame");
            assertTrue(expectedCounts(r, r.frames() - 1)[1] > 0, "the run deposited metal");
            assertTrue(expectedCounts(r, 0)[3] > 0 && expectedCounts(r, 0)[4] > 0, "both SA species present");
        }
        assertEquals(NAMES, result.species());
    }

    /** Dead metal gets the last code, named after the metal; every dead site of the trajectory is one such atom. */
    @Test
    void deadMetalIsExportedAsItsOwnSpecies() throws IOException {
        Path cycling = RunExecutor.run(CyclingRunTest.cycling(2), tmp.resolve("cycling"), null).folder();
        Exporter.Result result = Exporter.export(cycling, ExportFormat.EXTXYZ, FrameSelection.parse("all"),
                tmp.resolve("dead-xyz"), null);
        assertEquals(List.of("empty", "M", "H", "M_dead"), result.species());
        List<String> lines = Files.readAllLines(result.main());
        long deadSeen = 0;
        try (TrajectoryReader r = new TrajectoryReader(cycling.resolve(RunFolder.TRAJECTORY))) {
            int line = 0;
            for (int f = 0; f < r.frames(); f++) {
                int atoms = Integer.parseInt(lines.get(line).strip());
                TrajectoryReader.Frame frame = r.frame(f);
                long dead = 0;
                for (int site = 0; site < frame.lattice().sites(); site++) {
                    dead += frame.species(site) == Species.DEAD ? 1 : 0;
                }
                long exported = lines.subList(line + 2, line + 2 + atoms).stream()
                        .filter(l -> l.startsWith("M_dead ")).count();
                assertEquals(dead, exported, "frame " + f);
                deadSeen += dead;
                line += 2 + atoms;
            }
        }
        assertTrue(deadSeen > 0, "the cycling run must leave dead metal in some frame for this test to mean anything");
    }

    @Test
    void lammpsDumpHasTheStandardHeaderAndOneTypePerSpecies() throws IOException {
        Exporter.Result result = export(ExportFormat.LAMMPS, "0,last", "lammps");
        List<String> lines = Files.readAllLines(result.main());
        try (TrajectoryReader r = trajectory()) {
            double a = r.latticeConstant();
            int[] frames = {0, r.frames() - 1};
            assertArrayEquals(frames, result.frames());
            int line = 0;
            for (int f : frames) {
                assertEquals("ITEM: TIME", lines.get(line++));
                assertEquals(r.info(f).time(), Double.parseDouble(lines.get(line++)), 1e-8 * r.info(f).time());
                assertEquals("ITEM: TIMESTEP", lines.get(line++));
                assertEquals(r.info(f).events(), Long.parseLong(lines.get(line++)));
                assertEquals("ITEM: NUMBER OF ATOMS", lines.get(line++));
                long[] expected = expectedCounts(r, f);
                int atoms = Integer.parseInt(lines.get(line++));
                assertEquals(sum(expected), atoms);
                assertEquals("ITEM: BOX BOUNDS pp pp ff", lines.get(line++));
                for (int size : new int[]{r.sizeX(), r.sizeY(), r.sizeZ()}) {
                    String[] bounds = lines.get(line++).split(" ");
                    assertEquals(0, Double.parseDouble(bounds[0]));
                    assertEquals(size * a, Double.parseDouble(bounds[1]), 1e-6);
                }
                assertEquals("ITEM: ATOMS id type x y z", lines.get(line++));
                long[] counted = new long[NAMES.size()];
                List<String[]> metal = new ArrayList<>();
                for (int i = 0; i < atoms; i++) {
                    String[] fields = lines.get(line++).split(" ");
                    assertEquals(5, fields.length);
                    assertEquals(i + 1, Integer.parseInt(fields[0]), "ids count the atoms");
                    int type = Integer.parseInt(fields[1]);
                    counted[type]++;
                    if (type == 1) {
                        metal.add(new String[]{fields[2], fields[3], fields[4]});
                    }
                }
                assertArrayEquals(expected, counted);
                assertMetalSitesMatch(r, f, metal);
            }
            assertEquals(lines.size(), line);
        }
    }

    @Test
    void vtiFramesAreWellFormedImagesOfTheBoxAndThePvdListsThemWithTheirTimes() throws Exception {
        Exporter.Result result = export(ExportFormat.VTI, "1:100:2", "vti");
        var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        try (TrajectoryReader r = trajectory()) {
            double a = r.latticeConstant();
            int[] frames = result.frames();
            assertEquals(r.frames() / 2, frames.length, "odd frames from 1");
            assertEquals(frames.length + 1, result.files().size());

            Document pvd = xml.parse(result.main().toFile());
            assertEquals("Collection", pvd.getDocumentElement().getAttribute("type"));
            NodeList sets = pvd.getElementsByTagName("DataSet");
            assertEquals(frames.length, sets.getLength());
            for (int i = 0; i < frames.length; i++) {
                int f = frames[i];
                assertEquals(1 + 2 * i, f);
                Element set = (Element) sets.item(i);
                assertEquals(r.info(f).time(), Double.parseDouble(set.getAttribute("timestep")),
                        1e-8 * r.info(f).time());
                Path file = result.main().resolveSibling(set.getAttribute("file"));

                Document vti = xml.parse(file.toFile());
                Element root = vti.getDocumentElement();
                assertEquals("ImageData", root.getAttribute("type"));
                assertEquals("UInt64", root.getAttribute("header_type"));
                assertEquals("LittleEndian", root.getAttribute("byte_order"));
                Element image = (Element) root.getElementsByTagName("ImageData").item(0);
                String extent = "0 " + r.sizeX() + " 0 " + r.sizeY() + " 0 " + r.sizeZ();
                assertEquals(extent, image.getAttribute("WholeExtent"));
                assertEquals(extent, ((Element) image.getElementsByTagName("Piece").item(0)).getAttribute("Extent"));
                for (String spacing : image.getAttribute("Spacing").split(" ")) {
                    assertEquals(a, Double.parseDouble(spacing), 1e-6);
                }
                Element cells = (Element) image.getElementsByTagName("CellData").item(0);
                Element array = (Element) cells.getElementsByTagName("DataArray").item(0);
                assertEquals("species", array.getAttribute("Name"));
                assertEquals("UInt8", array.getAttribute("type"));
                assertEquals("binary", array.getAttribute("format"));
                ByteBuffer data = ByteBuffer.wrap(Base64.getDecoder().decode(array.getTextContent().strip()))
                        .order(ByteOrder.LITTLE_ENDIAN);
                int sites = r.sizeX() * r.sizeY() * r.sizeZ();
                assertEquals(sites, data.getLong(), "header: byte count");
                assertEquals(sites, data.remaining());

                long[] counted = new long[NAMES.size()];
                TrajectoryReader.Frame deposit = r.frame(f);
                for (int z = 0; z < r.sizeZ(); z++) {
                    for (int y = 0; y < r.sizeY(); y++) {
                        for (int x = 0; x < r.sizeX(); x++) {
                            int code = data.get();
                            counted[code]++;
                            if (z >= r.surfaceZ()) {
                                int column = x + r.sizeX() * y;
                                byte species = deposit.species(deposit.lattice().site(column, z));
                                assertEquals(Species.isDeposit(species) ? 1 : 0, code);
                            }
                        }
                    }
                }
                long[] expected = expectedCounts(r, f);
                expected[0] = sites - sum(expected);
                assertArrayEquals(expected, counted);
                Element time = (Element) image.getElementsByTagName("FieldData").item(0);
                assertEquals(r.info(f).time(), Double.parseDouble(time.getTextContent().strip()),
                        1e-8 * r.info(f).time());
            }
        }
        try (var listing = Files.list(tmp.resolve("vti"))) {
            assertFalse(listing.anyMatch(p -> p.toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void defaultOutputFolderIsInsideTheRunAndExportingAgainReplacesTheFile() throws IOException {
        Exporter.Result first = Exporter.export(run, ExportFormat.EXTXYZ, FrameSelection.last(), null, null);
        assertEquals(run.resolve("export").resolve("plating.xyz"), first.main());
        long lastOnly = Files.size(first.main());
        Exporter.export(run, ExportFormat.EXTXYZ, FrameSelection.parse("0,last"), null, null);
        assertTrue(Files.size(first.main()) > lastOnly);
    }
}
