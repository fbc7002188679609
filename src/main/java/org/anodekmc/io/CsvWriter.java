package org.anodekmc.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a CSV table row by row; numbers are written with Locale.ROOT so files read the same everywhere. */
public final class CsvWriter implements Closeable {
    private final BufferedWriter out;

    public CsvWriter(Path file, String... header) {
        try {
            out = Files.newBufferedWriter(file);
            out.write(String.join(",", header));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
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

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close CSV", e);
        }
    }
}
