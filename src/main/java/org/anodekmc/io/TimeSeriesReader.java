package org.anodekmc.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a run's timeseries.csv (written by the run driver, package run) back into numeric columns. */
public final class TimeSeriesReader {
    /** The table by column; every value as a double (NaN where the run wrote NaN). */
    public record TimeSeries(List<String> names, double[][] columns) {
        public int rows() {
            return columns.length == 0 ? 0 : columns[0].length;
        }

        public boolean has(String name) {
            return names.contains(name);
        }

        /** The named column; an IllegalArgumentException names the columns there are if it is missing. */
        public double[] column(String name) {
            int i = names.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("the time series has no column '" + name + "' (it has "
                        + String.join(", ", names) + ")");
            }
            return columns[i];
        }

        /** A copy of the named column times a factor, e.g. 1e3 for mV from V or 100 for percent. */
        public double[] column(String name, double factor) {
            double[] scaled = column(name).clone();
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] *= factor;
            }
            return scaled;
        }
    }

    private TimeSeriesReader() {
    }

    public static TimeSeries read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String header = in.readLine();
            if (header == null || header.isBlank()) {
                throw new IllegalArgumentException(file + " is empty");
            }
            List<String> names = List.of(header.split(",", -1));
            List<double[]> rows = new ArrayList<>();
            String line;
            int lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                rows.add(parseRow(file, lineNumber, line, names));
            }
            double[][] columns = new double[names.size()][rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < names.size(); c++) {
                    columns[c][r] = rows.get(r)[c];
                }
            }
            return new TimeSeries(names, columns);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no time series file: " + file);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is corrupt: it holds bytes that are not text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static double[] parseRow(Path file, int lineNumber, String line, List<String> names) {
        String[] fields = line.split(",", -1);
        if (fields.length != names.size()) {
            throw new IllegalArgumentException(file + " line " + lineNumber + " has " + fields.length
                    + " fields, the header has " + names.size() + " (truncated or corrupt file)");
        }
        double[] row = new double[fields.length];
        for (int c = 0; c < fields.length; c++) {
            try {
                row[c] = Double.parseDouble(fields[c]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + lineNumber + ", column " + names.get(c)
                        + ": '" + fields[c] + "' is not a number");
            }
        }
        return row;
    }
}
