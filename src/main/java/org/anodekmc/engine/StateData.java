package org.anodekmc.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Length-prefixed primitive arrays in a checkpoint (through {@link DataOutput}, so big-endian). Reading checks every
 * length, so a state that does not fit is refused with a message instead of being misread.
 */
public final class StateData {
    private StateData() {
    }

    public static void writeBytes(DataOutput out, byte[] values, int count) throws IOException {
        out.writeInt(count);
        out.write(values, 0, count);
    }

    public static void writeShorts(DataOutput out, short[] values, int count) throws IOException {
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeShort(values[i]);
        }
    }

    public static void writeInts(DataOutput out, int[] values, int count) throws IOException {
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeInt(values[i]);
        }
    }

    public static void writeDoubles(DataOutput out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    static void writeLongs(DataOutput out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long v : values) {
            out.writeLong(v);
        }
    }

    public static byte[] readBytes(DataInput in, int maxCount, String what) throws IOException {
        byte[] values = new byte[count(in, maxCount, what)];
        in.readFully(values);
        return values;
    }

    public static short[] readShorts(DataInput in, int maxCount, String what) throws IOException {
        short[] values = new short[count(in, maxCount, what)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readShort();
        }
        return values;
    }

    public static int[] readInts(DataInput in, int maxCount, String what) throws IOException {
        int[] values = new int[count(in, maxCount, what)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    /** Reads into {@code into}, whose length the stored array must have. */
    static void readShortsInto(DataInput in, short[] into, String what) throws IOException {
        expect(in.readInt(), into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readShort();
        }
    }

    static void readIntsInto(DataInput in, int[] into, String what) throws IOException {
        expect(in.readInt(), into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readInt();
        }
    }

    static void readDoublesInto(DataInput in, double[] into, String what) throws IOException {
        expect(in.readInt(), into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readDouble();
        }
    }

    static void readLongsInto(DataInput in, long[] into, String what) throws IOException {
        expect(in.readInt(), into.length, what);
        for (int i = 0; i < into.length; i++) {
            into[i] = in.readLong();
        }
    }

    /** Refuses a stored value that differs from what this simulation has. */
    static void expect(long stored, long expected, String what) throws IOException {
        if (stored != expected) {
            throw new IOException(what + ": the checkpoint has " + stored + ", this simulation " + expected);
        }
    }

    /** Refuses a value outside [0, max]. */
    static int checkRange(int value, int max, String what) throws IOException {
        if (value < 0 || value > max) {
            throw new IOException(what + " " + value + " is outside 0.." + max);
        }
        return value;
    }

    private static int count(DataInput in, int maxCount, String what) throws IOException {
        return checkRange(in.readInt(), maxCount, what + " count");
    }
}
