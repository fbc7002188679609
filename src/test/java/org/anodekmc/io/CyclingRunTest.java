package org.anodekmc.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.anodekmc.TestConfigs;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.engine.Simulation;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.run.RunExecutor;
import org.anodekmc.run.RunInterruptedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.anodekmc.run.SameRun.assertSameRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cycling run writes one row per cycle to cycles.csv and the cycling summary; it resumes exactly. */
public class CyclingRunTest {
    @TempDir
    Path tmp;

    /** Three short cycles on a 16² box, six frames; they leave dead metal behind. */
    public static SimulationConfig cycling(long seed) {
        return TestConfigs.yaml(TestConfigs.metal(0.05, 0.6) + """
                seed: %d
                lattice: {size: [16, 16, 14]}
                substrate: {host: {name: H, bondEnergy: 0.06, terraceBarrier: 0.6}}
                control:
                  mode: cycling
                  cycles: 3
                  protocol:
                    - {current: 20, charge: 0.0001}
                    - {current: -20, cutoffPotential: 0.4}
                    - {current: 0, time: 0.002}
                output: {rows: 90, frames: 6}
                """.formatted(seed));
    }

    private static List<String[]> rows(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")).toList();
    }

    @Test
    void cyclesCsvAccountsForEveryAtomAndTheSummaryAveragesIt() throws IOException {
        RunExecutor.Result result = RunExecutor.run(cycling(2), tmp.resolve("run"), null);
        assertEquals(Simulation.Stop.PROTOCOL_DONE, result.stop());
        Path run = result.folder();
        List<String> header = List.of(Files.readAllLines(run.resolve(RunFolder.CYCLES)).get(0).split(","));
        List<String[]> cycles = rows(run.resolve(RunFolder.CYCLES));
        assertEquals(3, cycles.size());
        int plated = header.indexOf("plated_atoms");
        int stripped = header.indexOf("stripped_atoms");
        int ce = header.indexOf("coulombic_efficiency");
        long net = 0;
        double ceSum = 0;
        for (String[] c : cycles) {
            long p = Long.parseLong(c[plated]);
            long s = Long.parseLong(c[stripped]);
            assertTrue(p >= 400, "a cycle plates its 0.0001 mAh/cm² (450 ions): " + p);
            assertEquals(s / (double) p, Double.parseDouble(c[ce]), 1e-8); // ten digits in the CSV
            net += p - s;
            ceSum += s / (double) p;
        }
        JsonNode summary = new ObjectMapper().readTree(run.resolve(RunFolder.SUMMARY).toFile());
        // the run starts without metal: what the cycles left is the deposit at the end, live and dead
        assertEquals(summary.get("atoms").asLong(), net);
        JsonNode cyc = summary.get("cycling");
        assertEquals(3, cyc.get("cyclesCompleted").asInt());
        assertEquals(ceSum / 3, cyc.get("averageCoulombicEfficiency").asDouble(), 1e-12);
        assertEquals(summary.get("deadAtoms").asLong(), cyc.get("deadAtoms").asLong());
        // the last frame carries the dead metal, atom for atom
        try (TrajectoryReader t = new TrajectoryReader(run.resolve(RunFolder.TRAJECTORY))) {
            TrajectoryReader.Frame last = t.frame(t.frames() - 1);
            long dead = 0;
            for (int site = 0; site < last.lattice().sites(); site++) {
                dead += last.species(site) == Species.DEAD ? 1 : 0;
            }
            assertTrue(dead > 0, "stripping a deposit plated at 20 mA/cm² leaves dead metal");
            assertEquals(summary.get("deadAtoms").asLong(), dead);
            assertEquals(summary.get("atoms").asLong(), last.atoms());
        }
        // rows go on to the end of the last cycle
        List<String[]> series = rows(run.resolve(RunFolder.TIMESERIES));
        double end = Double.parseDouble(cycles.get(2)[header.indexOf("end_time_s")]);
        assertEquals(end, Double.parseDouble(series.get(series.size() - 1)[0]), 1e-12);
    }

    @Test
    void aStoppedCyclingRunResumesToTheSameEnd() throws IOException {
        Path straight = RunExecutor.run(cycling(4), tmp.resolve("straight"), null).folder();
        Path run = tmp.resolve("stopped");
        int[] checks = {0};
        RunExecutor.Options stopOnce = new RunExecutor.Options(null, () -> ++checks[0] == 40);
        assertThrows(RunInterruptedException.class, () -> RunExecutor.run(cycling(4), run, stopOnce, null));
        RunExecutor.resume(run, RunExecutor.Options.NONE, null);
        assertSameRun(straight, run);
        assertArrayEquals(Files.readAllBytes(straight.resolve(RunFolder.CYCLES)),
                Files.readAllBytes(run.resolve(RunFolder.CYCLES)));
    }

    /** Trajectories written before dead metal existed (format 1) still read: their metal is all live. */
    @Test
    void aFormatOneTrajectoryStillReads() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeLong(Trajectory.MAGIC_1);
            for (int v : new int[]{4, 4, 3, 1}) { // 4 × 4 columns, 2 layers above 1 substrate layer
                out.writeInt(v);
            }
            out.writeDouble(3.0);
            byte[] substrate = new byte[16];
            java.util.Arrays.fill(substrate, Species.HOST); // the top substrate layer: host under every column
            out.write(substrate);
            byte[] occupancy = {(byte) 0b101, 0, 0, 0}; // column 0 layer 0, column 1 layer 0
            java.util.zip.Deflater deflater = new java.util.zip.Deflater();
            deflater.setInput(occupancy);
            deflater.finish();
            byte[] packed = new byte[64];
            int length = deflater.deflate(packed);
            deflater.end();
            out.writeInt(Trajectory.FRAME_MARK);
            out.writeDouble(1.0);
            out.writeDouble(0.01);
            out.writeDouble(0.0);
            out.writeLong(10);
            out.writeInt(length);
            out.write(packed, 0, length);
        }
        Path file = tmp.resolve("old.bin");
        Files.write(file, bytes.toByteArray());
        try (TrajectoryReader t = new TrajectoryReader(file)) {
            assertEquals(1, t.frames());
            TrajectoryReader.Frame o = t.frame(0);
            Lattice lattice = o.lattice();
            assertEquals(2, o.atoms());
            assertEquals(Species.METAL, o.species(lattice.site(0, 1)));
            assertEquals(Species.METAL, o.species(lattice.site(1, 1)));
            assertEquals(Species.EMPTY, o.species(lattice.site(0, 2)));
            assertEquals(1, o.columnTop(0));
            assertEquals(0, o.columnTop(2));
        }
    }
}
