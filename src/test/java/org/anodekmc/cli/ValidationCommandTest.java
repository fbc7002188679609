package org.anodekmc.cli;

import org.anodekmc.ConsoleCapture;
import org.anodekmc.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `kmc validation` on a reduced set: three tiny systems, short runs, two replicates each. */
class ValidationCommandTest {
    private static final String TABLE_HEADER = "system,metal,host,sites,current_density_mA_cm2,temperature_K,"
            + "box_sites,role,measured_eta_nuc_mV,source,simulated_eta_nuc_mV,simulated_eta_nuc_se_mV,replicates";
    private static final String SYSTEMS = """
            replicates: 2
            seed: 5
            systems:
              - config: bare.yaml
                measuredEtaNuc: 40
                source: "Author, Journal 1, 2 (2020), abstract"
                role: calibration
              - config: decorated.yaml
                measuredEtaNuc: 10
                source: "Author, Journal 1, 2 (2020), abstract"
                role: prediction
                bare: bare
              - config: other.yaml
                measuredEtaNuc: 20
                source: "Other, Journal 3, 4 (2021)"
                role: prediction
            """;

    @TempDir
    Path tmp;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    /** Writes the three tiny configs and the set file with the given systems; returns the set file. */
    private Path reducedSet(String systems) throws IOException {
        String config = TestConfigs.metal(0.08, 0.45) + """
                lattice: {size: [16, 16, 8]}
                substrate:
                  host: {name: H, bondEnergy: %s, terraceBarrier: 0.45}
                  %s
                control: {mode: galvanostatic, currentDensity: 2.0}
                stop: {charge: 0.0001}
                output: {rows: 50, frames: 0}
                """;
        Files.writeString(tmp.resolve("bare.yaml"), config.formatted(0.04, ""));
        Files.writeString(tmp.resolve("decorated.yaml"),
                config.formatted(0.04, "sites: [{name: S, bondEnergy: 0.3, fraction: 0.05}]"));
        Files.writeString(tmp.resolve("other.yaml"), config.formatted(0.06, ""));
        Path file = tmp.resolve("set.yaml");
        Files.writeString(file, systems);
        return file;
    }

    private static List<String> cells(String csvLine) {
        return Arrays.stream(csvLine.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1))
                .map(c -> c.startsWith("\"") ? c.substring(1, c.length() - 1) : c).toList();
    }

    /** η_nuc in mV of each replicate of a system, read from sweep.csv (one row per run). */
    private static List<Double> replicates(Path folder, String system) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("sweep.csv"));
        int column = cells(lines.get(0)).indexOf("eta_nuc_V");
        List<Double> values = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> row = cells(line);
            if (row.get(0).equals(system)) {
                values.add(Double.parseDouble(row.get(column)) * 1e3);
            }
        }
        return values;
    }

    @Test
    void aReducedSetRunsAndWritesTheTableTheRatiosAndTheParityPlot() throws IOException {
        Path file = reducedSet(SYSTEMS);
        Path folder = tmp.resolve("out");
        int code = Main.execute("validation", file.toString(), "--out", folder.toString(), "--threads", "2", "-q");
        assertEquals(0, code, console.err.toString());

        List<String> table = Files.readAllLines(folder.resolve("validation.csv"));
        assertEquals(TABLE_HEADER, table.get(0));
        assertEquals(4, table.size(), "one row per system: " + table);
        double[] means = new double[3];
        for (int s = 0; s < 3; s++) {
            List<String> row = cells(table.get(s + 1));
            assertEquals(13, row.size(), table.get(s + 1));
            String system = List.of("bare", "decorated", "other").get(s);
            assertEquals(system, row.get(0));
            assertEquals("16x16x8", row.get(6));
            List<Double> eta = replicates(folder, system);
            assertEquals(2, eta.size());
            double mean = (eta.get(0) + eta.get(1)) / 2;
            double se = Math.abs(eta.get(0) - eta.get(1)) / 2; // sample sd / √2 for two values
            assertEquals(mean, Double.parseDouble(row.get(10)), 1e-6 * mean);
            assertEquals(se, Double.parseDouble(row.get(11)), 1e-6 * mean);
            assertEquals("2", row.get(12));
            means[s] = mean;
        }
        assertEquals("Author, Journal 1, 2 (2020), abstract", cells(table.get(1)).get(9));
        assertEquals(List.of("calibration", "prediction", "prediction"),
                table.subList(1, 4).stream().map(l -> cells(l).get(7)).toList());

        List<String> ratios = Files.readAllLines(folder.resolve("validation-ratios.csv"));
        assertEquals(2, ratios.size(), ratios.toString());
        List<String> ratio = cells(ratios.get(1));
        assertEquals(List.of("M", "H", "bare", "decorated"), ratio.subList(0, 4));
        assertEquals(means[0] / means[1], Double.parseDouble(ratio.get(4)), 1e-6 * means[0] / means[1]);
        assertEquals(4.0, Double.parseDouble(ratio.get(6)), 1e-9);

        BufferedImage parity = ImageIO.read(folder.resolve("parity.png").toFile());
        assertEquals(800, parity.getWidth());
        assertEquals(520, parity.getHeight());
        String summary = Files.readString(folder.resolve("validation-summary.txt"));
        assertTrue(console.out.toString().contains(summary), "the summary is printed as written");
        assertTrue(summary.contains("predictions: not defined (n = 2;"), summary);
        assertTrue(summary.contains("all systems: ρ = "), summary);

        console.out.reset();
        assertEquals(0, Main.execute("validation", file.toString(), "--out", folder.toString(), "-q"));
        assertTrue(console.out.toString().contains("6 runs ok (0 ran now, 6 kept from before)"), console.out.toString());
        assertEquals(table, Files.readAllLines(folder.resolve("validation.csv")), "the same table from the kept runs");
    }

    /** Runs a set that must be refused: exit code 2, one line without a stack trace, nothing written. */
    private String refused(String systems) throws IOException {
        Path file = reducedSet(systems);
        Path folder = tmp.resolve("out");
        assertEquals(2, Main.execute("validation", file.toString(), "--out", folder.toString()));
        String message = console.err.toString();
        assertEquals(1, message.strip().lines().count(), message);
        assertFalse(message.contains("Exception"), message);
        assertFalse(Files.exists(folder), "nothing written");
        return message;
    }

    @Test
    void aMissingMeasuredValueIsBadInputNamingTheFieldAndFile() throws IOException {
        String message = refused(SYSTEMS.replace("    measuredEtaNuc: 10\n", ""));
        assertTrue(message.startsWith("error: systems[1].measuredEtaNuc: missing in " + tmp.resolve("set.yaml")),
                message);
    }

    @Test
    void anUnknownConfigIsBadInputNamingTheFieldAndFile() throws IOException {
        String message = refused(SYSTEMS.replace("config: other.yaml", "config: nope.yaml"));
        assertTrue(message.startsWith("error: systems[2].config: config file not found: ")
                && message.contains("nope.yaml"), message);
    }

    @Test
    void anUnknownSetFileIsBadInput() {
        assertEquals(2, Main.execute("validation", tmp.resolve("missing.yaml").toString()));
        assertTrue(console.err.toString().contains("validation set file not found"), console.err.toString());
    }
}
