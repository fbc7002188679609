package org.anodekmc.io;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.state.Deposit;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.Deflater;

/** Appends deposit snapshots to a trajectory file (format in {@link Trajectory}). */
public final class TrajectoryWriter implements Closeable {
    private final FileChannel channel;
    private final DataOutputStream out;
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    /** The occupancy bit set, then the dead-metal bit set, each a whole number of bytes. */
    private final byte[] bits;
    private final int deadOffset;
    private byte[] compressed;
    private int frames;

    /** Starts a trajectory of the deposit's box; {@code latticeConstant} in Å. */
    public TrajectoryWriter(Path file, Deposit deposit, double latticeConstant) {
        this(file, deposit, 0, 0);
        Lattice lattice = deposit.lattice();
        try {
            out.writeLong(Trajectory.MAGIC);
            out.writeInt(lattice.sizeX());
            out.writeInt(lattice.sizeY());
            out.writeInt(lattice.sizeZ());
            out.writeInt(deposit.surfaceZ());
            out.writeDouble(latticeConstant);
            byte[] type = lattice.type().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            out.writeByte(type.length);
            out.write(type);
            for (int c = 0; c < lattice.columns(); c++) {
                out.writeByte(deposit.species(lattice.site(c, deposit.surfaceZ() - 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trajectory " + file, e);
        }
    }

    private TrajectoryWriter(Path file, Deposit deposit, long keep, int frames) {
        Lattice lattice = deposit.lattice();
        int layers = lattice.sizeZ() - deposit.surfaceZ();
        deadOffset = (int) (((long) lattice.columns() * layers + 7) / 8);
        bits = new byte[2 * deadOffset];
        compressed = new byte[bits.length + 64];
        channel = OutputFiles.openAt(file, keep);
        out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
        this.frames = frames;
    }

    /** Continues a trajectory that held {@code frames} frames in its first {@code length} bytes. */
    public static TrajectoryWriter continueAt(Path file, Deposit deposit, long length, int frames) {
        return new TrajectoryWriter(file, deposit, length, frames);
    }

    /** Appends a frame: the deposit as it is, with the time, η, charge and event count in its header. */
    public void write(Deposit deposit, TrajectoryReader.FrameInfo info) {
        Lattice lattice = deposit.lattice();
        java.util.Arrays.fill(bits, (byte) 0);
        int base = deposit.surfaceZ();
        int layers = lattice.sizeZ() - base;
        int bit = 0;
        for (int c = 0; c < lattice.columns(); c++) {
            for (int z = base; z < lattice.sizeZ(); z++, bit++) {
                byte species = deposit.species(lattice.site(c, z));
                if (Species.isDeposit(species)) {
                    bits[bit >>> 3] |= (byte) (1 << (bit & 7));
                }
                if (species == Species.DEAD) {
                    bits[deadOffset + (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
            }
        }
        assert bit == lattice.columns() * layers;
        deflater.reset();
        deflater.setInput(bits);
        deflater.finish();
        int length = 0;
        while (!deflater.finished()) {
            if (length == compressed.length) {
                compressed = java.util.Arrays.copyOf(compressed, compressed.length * 2);
            }
            length += deflater.deflate(compressed, length, compressed.length - length);
        }
        try {
            out.writeInt(Trajectory.FRAME_MARK);
            out.writeDouble(info.time());
            out.writeDouble(info.eta());
            out.writeDouble(info.charge());
            out.writeLong(info.events());
            out.writeInt(length);
            out.write(compressed, 0, length);
            frames++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trajectory frame", e);
        }
    }

    public int frames() {
        return frames;
    }

    /** Flushes the frames and forces them to disk; returns the file's length. */
    public long sync() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trajectory", e);
        }
        return OutputFiles.force(channel);
    }

    @Override
    public void close() {
        deflater.end();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close trajectory", e);
        }
    }
}
