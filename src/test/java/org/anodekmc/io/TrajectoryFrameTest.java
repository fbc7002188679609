package org.anodekmc.io;

import org.anodekmc.engine.Simulation;
import org.anodekmc.TestConfigs;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.run.Engines;
import org.anodekmc.model.Species;
import org.anodekmc.state.Deposit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A frame read back from a trajectory is the deposit the engine held when the frame was written. */
class TrajectoryFrameTest {
    private static final int FRAMES = 12;
    private static final long EVENTS_PER_FRAME = 4000;

    @TempDir
    Path tmp;

    /** What a deposit says about itself, site by site and column by column. */
    private record Snapshot(byte[] species, int[] columnTop, int[] occupied, int highestTop) {
        static Snapshot of(Deposit deposit) {
            Lattice lattice = deposit.lattice();
            byte[] species = new byte[lattice.sites()];
            int[] occupied = new int[lattice.sites()];
            for (int site = 0; site < species.length; site++) {
                species[site] = deposit.species(site);
                occupied[site] = lattice.z(site) >= deposit.surfaceZ() ? deposit.occupiedNeighbours(site) : 0;
            }
            int[] tops = new int[lattice.columns()];
            for (int c = 0; c < tops.length; c++) {
                tops[c] = deposit.columnTop(c);
            }
            return new Snapshot(species, tops, occupied, deposit.highestTop());
        }
    }

    @Test
    void aDecodedFrameHoldsTheSpeciesTopsAndNeighboursOfTheEngineThatWroteIt() {
        // plating and stripping at a high current leaves dead metal: every species the engine knows appears
        Simulation sim = new Simulation(CyclingRunTest.cycling(2), null);
        Path file = tmp.resolve("trajectory.bin");
        List<Snapshot> written = new ArrayList<>();
        try (TrajectoryWriter writer = new TrajectoryWriter(file, sim, sim.rates().latticeConstant())) {
            for (int f = 0; f < FRAMES; f++) {
                sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, f * EVENTS_PER_FRAME);
                writer.write(sim, new TrajectoryReader.FrameInfo(sim.time(), sim.eta(), sim.chargeMAhPerCm2(),
                        sim.events()));
                written.add(Snapshot.of(sim));
            }
        }
        boolean sawDead = false;
        try (TrajectoryReader reader = new TrajectoryReader(file)) {
            assertEquals(FRAMES, reader.frames());
            assertEquals("sc", reader.lattice().type());
            for (int f = 0; f < FRAMES; f++) {
                Snapshot read = Snapshot.of(reader.frame(f));
                Snapshot expected = written.get(f);
                assertArrayEquals(expected.species(), read.species(), "species of frame " + f);
                assertArrayEquals(expected.columnTop(), read.columnTop(), "column tops of frame " + f);
                assertArrayEquals(expected.occupied(), read.occupied(), "occupied neighbours of frame " + f);
                assertEquals(expected.highestTop(), read.highestTop(), "highest top of frame " + f);
                for (byte s : expected.species()) {
                    sawDead |= s == Species.DEAD;
                }
            }
        }
        assertTrue(sawDead, "some frame holds dead metal");
        assertTrue(written.get(FRAMES - 1).highestTop() > sim.surfaceZ(), "the deposit grew beyond one layer");
    }

    /** The lattice's type name carries hcp's c/a, so that a reader rebuilds the very lattice the run had. */
    @ParameterizedTest
    @ValueSource(strings = {"hcp0001", "hcp1120"})
    void anHcpRunWithItsOwnRatioOfCToAIsReadBackOnTheSameLattice(String orientation) {
        Simulation sim = Engines.build(TestConfigs.yaml(TestConfigs.metal(0.05, 0.3) + """
                lattice: {type: %s, cOverA: 1.856, size: [8, 8, 6], substrateLayers: %d}
                substrate: {host: {name: H, bondEnergy: 0.04, terraceBarrier: 0.3}}
                control: {mode: galvanostatic, currentDensity: 5}
                stop: {events: 1}
                """.formatted(orientation, TestConfigs.reach(orientation))));
        Path file = tmp.resolve("hcp.bin");
        try (TrajectoryWriter writer = new TrajectoryWriter(file, sim, sim.rates().latticeConstant())) {
            sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, 3000);
            writer.write(sim, new TrajectoryReader.FrameInfo(sim.time(), sim.eta(), sim.chargeMAhPerCm2(),
                    sim.events()));
        }
        try (TrajectoryReader reader = new TrajectoryReader(file)) {
            assertEquals(orientation + "(c/a=1.856)", reader.lattice().type());
            int site = sim.lattice().site(sim.lattice().columnAt(3, 5), 4);
            assertEquals(sim.lattice().position(site), reader.lattice().position(site));
            assertArrayEquals(Snapshot.of(sim).species(), Snapshot.of(reader.frame(0)).species());
        }
    }

    /** A header of the given format and lattice type, and no frames: 2 × 2 columns, 2 layers above 1 substrate layer. */
    private Path header(long magic, String latticeType) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(magic);
            for (int v : new int[]{2, 2, 3, 1}) {
                out.writeInt(v);
            }
            out.writeDouble(3.0);
            if (latticeType != null) {
                out.writeByte(latticeType.length());
                out.writeBytes(latticeType);
            }
            out.write(new byte[]{2, 3, 2, 2});
        }
        return Files.write(tmp.resolve("header.bin"), bytes.toByteArray());
    }

    @Test
    void theHeaderNamesTheLatticeAndOlderFormatsReadAsSimpleCubic() throws IOException {
        try (TrajectoryReader reader = new TrajectoryReader(header(Trajectory.MAGIC, "sc"))) {
            assertEquals("sc", reader.lattice().type());
            assertEquals(0, reader.frames());
            assertEquals(3, reader.substrate(1));
        }
        try (TrajectoryReader reader = new TrajectoryReader(header(Trajectory.MAGIC_2, null))) {
            assertEquals("sc", reader.lattice().type());
            assertEquals(3, reader.substrate(1));
        }
    }

    @Test
    void anUnknownOrGarbledLatticeTypeIsNamed() throws IOException {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new TrajectoryReader(header(Trajectory.MAGIC, "hcp")).close());
        assertTrue(unknown.getMessage().contains("unknown lattice type 'hcp'"), unknown.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new TrajectoryReader(header(Trajectory.MAGIC, "")).close());
        assertTrue(empty.getMessage().contains("corrupt header (a lattice type of 0 characters)"), empty.getMessage());
    }
}
