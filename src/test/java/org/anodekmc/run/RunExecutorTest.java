package org.anodekmc.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anodekmc.TestConfigs;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.io.RunFolder;
import org.anodekmc.io.TrajectoryReader;
import org.anodekmc.units.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class RunExecutorTest {
    @TempDir
    Path tmp;

    /** Galvanostatic plating on a host with single-atom sites, small enough to run in a second or two. */
    public static SimulationConfig plating(long seed) {
        return TestConfigs.yaml(TestConfigs.metal(0.08, 0.45) + """
                seed: %d
                lattice: {size: [24, 24, 10]}
                substrate:
                  host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.45}
                  sites: [{name: S, bondEnergy: 0.35, fraction: 0.03}]
                control: {mode: galvanostatic, currentDensity: 2.0}
                stop: {charge: 0.00005}
                output: {rows: 60, frames: 6}
                """.formatted(seed));
    }

    private static List<String[]> rows(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")).toList();
    }

    @Test
    void chargeAndAtomsAgreeWithTheEventCountsAtEveryRow() throws IOException {
        SimulationConfig config = plating(3);
        RunExecutor.Result result = RunExecutor.run(config, tmp.resolve("run"), null);
        Path run = result.folder();
        List<String> header = List.of(Files.readAllLines(run.resolve(RunFolder.TIMESERIES)).get(0).split(","));
        int charge = header.indexOf("charge_mAh_cm2");
        int atoms = header.indexOf("atoms");
        int red = header.indexOf("reductions");
        int ox = header.indexOf("oxidations");
        double area = 24 * 24 * Math.pow(Math.cbrt(21.62) * 1e-8, 2);
        List<String[]> rows = rows(run.resolve(RunFolder.TIMESERIES));
        assertTrue(rows.size() > 30);
        for (String[] r : rows) {
            long net = Long.parseLong(r[red]) - Long.parseLong(r[ox]);
            assertEquals(net, Long.parseLong(r[atoms]));
            // Q = n·e·(reductions − oxidations)/A
            double expected = net * Units.ELEMENTARY_CHARGE / area / Units.COULOMB_PER_MAH;
            assertEquals(expected, Double.parseDouble(r[charge]), 1e-7 * Math.max(expected, 1e-12));
        }
        long oxidations = Long.parseLong(rows.get(rows.size() - 1)[ox]);
        assertTrue(oxidations > 0, "the run must exercise oxidation too");
    }

    /** On hcp (Z = 12) the config's simple-cubic bonds are halved and B_kink = 3·ε_MM stays (docs/model.md). */
    @Test
    void theSummaryGivesTheBondsOnTheRunsLattice() throws IOException {
        RunExecutor.Result result = RunExecutor.run(TestConfigs.yaml(TestConfigs.metal(0.05, 0.3) + """
                lattice: {type: hcp0001, size: [8, 8, 6]}
                substrate: {host: {name: H, bondEnergy: 0.04, terraceBarrier: 0.3}}
                control: {mode: galvanostatic, currentDensity: 2.0}
                stop: {events: 200}
                output: {rows: 4, frames: 0}
                """), tmp.resolve("hcp"), null);
        JsonNode lattice = new ObjectMapper().readTree(result.folder().resolve(RunFolder.SUMMARY).toFile())
                .get("lattice");
        assertEquals("hcp0001", lattice.get("type").asText());
        assertEquals(0.025, lattice.get("metalBond_eV").asDouble(), 1e-12);
        assertEquals(0.02, lattice.get("hostBond_eV").asDouble(), 1e-12);
        assertEquals(0.15, lattice.get("kinkBinding_eV").asDouble(), 1e-12);
    }

    @Test
    void runFolderHoldsEveryOutputAndNothingPartial() throws IOException {
        RunExecutor.Result result = RunExecutor.run(plating(4), tmp.resolve("run"), null);
        for (String f : List.of(RunFolder.CONFIG, RunFolder.TIMESERIES, RunFolder.SUMMARY, RunFolder.ISLANDS,
                RunFolder.TRAJECTORY)) {
            assertTrue(Files.isRegularFile(result.folder().resolve(f)), f);
        }
        assertFalse(Files.exists(tmp.resolve("run" + RunFolder.PARTIAL_SUFFIX)));
        JsonNode summary = new ObjectMapper().readTree(result.folder().resolve(RunFolder.SUMMARY).toFile());
        assertEquals("stop limit reached", summary.get("stopReason").asText());
        // galvanostatic: the charge limit is the applied charge j·t (2 mA/cm² here)
        assertEquals(0.00005, summary.get("time_s").asDouble() * 2.0 / 3600, 1e-12);
        assertEquals(0.00005, summary.get("charge_mAh_cm2").asDouble(), 0.2 * 0.00005);
        assertTrue(summary.get("nucleation").get("peakEta_V").asDouble() > 0);
        // the nuclei at the peak: those islands.csv lists for that moment, over the box's area
        long atPeak = Files.readAllLines(result.folder().resolve(RunFolder.ISLANDS)).stream()
                .filter(line -> line.startsWith("peak,")).count();
        assertTrue(atPeak > 0, "nuclei at the peak");
        assertEquals(atPeak / summary.get("area_cm2").asDouble(),
                summary.get("nucleation").get("nucleusDensityAtPeak_cm2").asDouble(), 1e-9 * atPeak / summary.get("area_cm2").asDouble());
        try (TrajectoryReader frames = new TrajectoryReader(result.folder().resolve(RunFolder.TRAJECTORY))) {
            assertEquals(7, frames.frames());
            assertEquals(0, frames.frame(0).atoms());
            assertEquals(summary.get("atoms").asLong(), frames.frame(frames.frames() - 1).atoms());
            assertTrue(frames.info(6).time() > frames.info(3).time());
        }
    }

    @Test
    void sameConfigAndSeedGiveByteIdenticalTimeSeries() throws IOException {
        Path a = RunExecutor.run(plating(9), tmp.resolve("a"), null).folder();
        Path b = RunExecutor.run(plating(9), tmp.resolve("b"), null).folder();
        Path c = RunExecutor.run(plating(10), tmp.resolve("c"), null).folder();
        byte[] seriesA = Files.readAllBytes(a.resolve(RunFolder.TIMESERIES));
        assertArrayEquals(seriesA, Files.readAllBytes(b.resolve(RunFolder.TIMESERIES)));
        assertArrayEquals(Files.readAllBytes(a.resolve(RunFolder.TRAJECTORY)),
                Files.readAllBytes(b.resolve(RunFolder.TRAJECTORY)));
        assertNotEquals(new String(seriesA), Files.readString(c.resolve(RunFolder.TIMESERIES)));
    }
}
