package org.anodekmc.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a CSV table row by row; numbers are written with Locale.ROOT so files read the same everywhere. */
public final class CsvWriter implements Closeable {
    private final FileChannel channel;
    private final BufferedWriter out;

    public CsvWriter(Path file, String... header) {
        this(file, 0);
        try {
            out.write(String.join(",", header));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private CsvWriter(Path file, long keep) {
        channel = OutputFiles.openAt(file, keep);
        out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8));
    }

    /** Continues a table from its first {@code length} bytes, dropping what was written after them. */
    public static CsvWriter continueAt(Path file, long length) {
        return new CsvWriter(file, length);
    }

    public void row(Object... values) {
        try {
            out.write(format(values));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV row", e);
        }
    }

    public static String format(Object... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(format(values[i]));
        }
        return sb.toString();
    }

    public static String format(Object value) {
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? d.toString() : String.format(Locale.ROOT, "%.9g", d);
        }
        String s = String.valueOf(value);
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV", e);
        }
    }

    /** Flushes the rows and forces them to disk; returns the file's length. */
    public long sync() {
        flush();
        return OutputFiles.force(channel);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close CSV", e);
        }
    }
}
