package org.anodekmc.io;

import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.state.Deposit;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Random access to the frames of a trajectory file. Opening reads only the header and the frame headers; a frame's
 * deposit is decoded when asked for, so long trajectories of large boxes are not held in memory.
 */
public final class TrajectoryReader implements Closeable {
    /** One snapshot's header. */
    public record FrameInfo(double time, double eta, double charge, long events) {
    }

    private final Path file;
    private final FileChannel channel;
    private final int sizeX;
    private final int sizeY;
    private final int sizeZ;
    private final int surfaceZ;
    private final double latticeConstant;
    private final byte[] substrate;
    /** Layers above the substrate, sizeZ − surfaceZ. */
    private final int layers;
    private final Lattice lattice;
    /** Format 2 frames carry the dead metal after the occupancy. */
    private final boolean withDead;
    private long[] offsets = new long[16];
    private int[] lengths = new int[16];
    private FrameInfo[] infos = new FrameInfo[16];
    private int frames;
    /** What is wrong with the end of the file, or null if it ends after a whole frame. */
    private String damage;

    public TrajectoryReader(Path file) {
        this.file = file;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no trajectory file: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
        try {
            ByteBuffer head = read(0, 8 + 4 * 4 + 8);
            long magic = head.getLong();
            if (magic != Trajectory.MAGIC && magic != Trajectory.MAGIC_2 && magic != Trajectory.MAGIC_1) {
                throw new IllegalArgumentException(file + " is not an anodekmc trajectory file");
            }
            withDead = magic != Trajectory.MAGIC_1;
            sizeX = head.getInt();
            sizeY = head.getInt();
            sizeZ = head.getInt();
            surfaceZ = head.getInt();
            latticeConstant = head.getDouble();
            long position = head.capacity();
            if (sizeX <= 0 || sizeY <= 0 || sizeZ <= surfaceZ || surfaceZ <= 0
                    || (long) sizeX * sizeY * sizeZ > Integer.MAX_VALUE
                    || !(latticeConstant > 0 && Double.isFinite(latticeConstant))) {
                throw new IllegalArgumentException(file + " has a corrupt header (box " + sizeX + " x " + sizeY
                        + " x " + sizeZ + ", " + surfaceZ + " substrate layers)");
            }
            String type = Trajectory.FORMAT_2_LATTICE;
            if (magic == Trajectory.MAGIC) {
                int length = read(position, 1).get() & 0xFF;
                if (length == 0 || length > Trajectory.MAX_LATTICE_TYPE) {
                    throw new IllegalArgumentException(file + " has a corrupt header (a lattice type of " + length
                            + " characters)");
                }
                type = StandardCharsets.US_ASCII.decode(read(position + 1, length)).toString();
                position += 1 + length;
            }
            if (position + (long) sizeX * sizeY > channel.size()) {
                throw new IllegalArgumentException(file + " is truncated: it ends inside its header");
            }
            layers = sizeZ - surfaceZ;
            try {
                lattice = Lattice.of(type, sizeX, sizeY, sizeZ);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage());
            }
            substrate = new byte[sizeX * sizeY];
            read(position, substrate.length).get(substrate);
            for (int c = 0; c < substrate.length; c++) {
                if (!Species.isSubstrate(substrate[c])) {
                    throw new IllegalArgumentException(file + " has a corrupt header (substrate species code "
                            + (substrate[c] & 0xFF) + " at column " + c + ")");
                }
            }
            position += substrate.length;
            indexFrames(file, position);
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException(file + " is truncated or corrupt: " + e.getMessage());
        }
    }

    /**
     * Finds the frames. A file cut off inside a frame (an interrupted write, a full disk) keeps its whole frames and
     * records the damage; a frame whose mark is wrong is corruption, and reading stops there.
     */
    private void indexFrames(Path file, long position) throws IOException {
        long size = channel.size();
        int frameHead = 4 + 8 * 3 + 8 + 4;
        while (position < size) {
            if (position + frameHead > size) {
                damage = String.format(Locale.ROOT, "%s is cut off inside the header of frame %d (%d bytes of %d)",
                        file, frames, size - position, frameHead);
                return;
            }
            ByteBuffer h = read(position, frameHead);
            if (h.getInt() != Trajectory.FRAME_MARK) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s is corrupt: frame %d (at byte %d) "
                        + "does not start with a frame mark", file, frames, position));
            }
            FrameInfo info = new FrameInfo(h.getDouble(), h.getDouble(), h.getDouble(), h.getLong());
            int length = h.getInt();
            if (length <= 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s is corrupt: frame %d (at byte %d) "
                        + "has a length field of %d bytes", file, frames, position, length));
            }
            if (position + frameHead + length > size) {
                damage = String.format(Locale.ROOT, "%s is cut off inside frame %d: its length field says %d "
                        + "bytes but only %d remain (or that field is corrupt)", file, frames, length,
                        size - position - frameHead);
                return;
            }
            if (frames == offsets.length) {
                offsets = Arrays.copyOf(offsets, frames * 2);
                lengths = Arrays.copyOf(lengths, frames * 2);
                infos = Arrays.copyOf(infos, frames * 2);
            }
            offsets[frames] = position + frameHead;
            lengths[frames] = length;
            infos[frames] = info;
            frames++;
            position += frameHead + length;
        }
    }

    private ByteBuffer read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("unexpected end of file");
            }
        }
        return buffer.flip();
    }

    public int frames() {
        return frames;
    }

    /** What is wrong with the end of the file (the frames before it are whole), or null if nothing is. */
    public String damage() {
        return damage;
    }

    public FrameInfo info(int frame) {
        return infos[frame];
    }

    /** The lattice of the box, the same for every frame. */
    public Lattice lattice() {
        return lattice;
    }

    public int sizeX() {
        return sizeX;
    }

    public int sizeY() {
        return sizeY;
    }

    public int sizeZ() {
        return sizeZ;
    }

    /** Number of substrate layers; metal layers are counted from this z. */
    public int surfaceZ() {
        return surfaceZ;
    }

    /** Å */
    public double latticeConstant() {
        return latticeConstant;
    }

    /** Species of the top substrate layer by column (column = x + sizeX·y), as in the engine's species codes. */
    public byte substrate(int column) {
        return substrate[column];
    }

    /** The deposit of a frame, decoded from its occupancy bits (which read as holding no dead metal in format 1). */
    public Frame frame(int frame) {
        try {
            byte[] compressed = new byte[lengths[frame]];
            read(offsets[frame], compressed.length).get(compressed);
            int setBytes = (int) (((long) sizeX * sizeY * layers + 7) / 8);
            byte[] bits = new byte[withDead ? 2 * setBytes : setBytes];
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(compressed);
                int n = 0;
                while (n < bits.length && !inflater.finished()) {
                    int got = inflater.inflate(bits, n, bits.length - n);
                    if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw new IllegalArgumentException(file + ": frame " + frame + " is corrupt (it ends early)");
                    }
                    n += got;
                }
                if (n == bits.length && !inflater.finished()) {
                    n += inflater.inflate(new byte[1]); // reads the checksum; more data than the box holds is damage
                }
                if (n != bits.length || !inflater.finished()) {
                    throw new IllegalArgumentException(file + ": frame " + frame + " is corrupt (it decodes to " + n
                            + " bytes of occupancy instead of " + bits.length + ")");
                }
            } finally {
                inflater.end();
            }
            return new Frame(Arrays.copyOf(bits, setBytes),
                    withDead ? Arrays.copyOfRange(bits, setBytes, bits.length) : null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read frame " + frame + " of " + file, e);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException(file + ": frame " + frame + " is corrupt (" + e.getMessage() + ")");
        }
    }

    /**
     * One snapshot of the deposit: the substrate from the header, the metal from the frame's bit sets (bit
     * column·layers + z − surfaceZ, as written by {@link TrajectoryWriter}).
     */
    public final class Frame implements Deposit {
        private final byte[] metal;
        /** The dead metal's bit set, laid out as {@link #metal}; null for a format 1 file. */
        private final byte[] dead;
        private final int highestTop;

        private Frame(byte[] metal, byte[] dead) {
            this.metal = metal;
            this.dead = dead;
            int top = surfaceZ - 1;
            for (int i = 0; i < metal.length; i++) {
                for (int rest = metal[i] & 0xFF; rest != 0; rest &= rest - 1) {
                    top = Math.max(top, surfaceZ + (8 * i + Integer.numberOfTrailingZeros(rest)) % layers);
                }
            }
            highestTop = top;
        }

        @Override
        public Lattice lattice() {
            return lattice;
        }

        @Override
        public int surfaceZ() {
            return surfaceZ;
        }

        @Override
        public int highestTop() {
            return highestTop;
        }

        @Override
        public byte species(int site) {
            int z = lattice.z(site);
            int column = lattice.column(site);
            if (z < surfaceZ) {
                return z == surfaceZ - 1 ? substrate[column] : Species.HOST;
            }
            int bit = column * layers + z - surfaceZ;
            if (!set(metal, bit)) {
                return Species.EMPTY;
            }
            return dead != null && set(dead, bit) ? Species.DEAD : Species.METAL;
        }

        private static boolean set(byte[] bits, int bit) {
            return (bits[bit >>> 3] & (1 << (bit & 7))) != 0;
        }

        /** Metal atoms, live and dead. */
        public long atoms() {
            long n = 0;
            for (byte b : metal) {
                n += Integer.bitCount(b & 0xFF);
            }
            return n;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written through this channel
        }
    }
}
