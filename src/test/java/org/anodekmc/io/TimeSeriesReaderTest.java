package org.anodekmc.io;

import org.anodekmc.observe.Sample;
import org.anodekmc.run.RunExecutor;
import org.anodekmc.run.RunExecutorTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeSeriesReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsBackWhatTheRunWrote() throws IOException {
        Path run = RunExecutor.run(RunExecutorTest.plating(4), tmp.resolve("run"), null).folder();
        Path csv = run.resolve(RunFolder.TIMESERIES);
        TimeSeriesReader.TimeSeries series = TimeSeriesReader.read(csv);
        assertEquals(List.of(Sample.COLUMNS), series.names());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(lines.size() - 1, series.rows());
        double[] eta = series.column("eta_V");
        double[] potential = series.column("potential_V");
        for (int r = 0; r < series.rows(); r++) {
            assertEquals(-eta[r], potential[r], 0.0);
        }
        // the first row's current is undefined and written as NaN
        assertTrue(Double.isNaN(series.column("current_mA_cm2")[0]));
        String[] last = lines.get(lines.size() - 1).split(",");
        assertEquals(Double.parseDouble(last[4]), series.column("charge_mAh_cm2")[series.rows() - 1], 0.0);
    }

    @Test
    void aMissingColumnOrABadValueIsNamed() throws IOException {
        Path csv = Files.writeString(tmp.resolve("t.csv"), "time_s,eta_V\n0,0.1\n1,zero\n");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> TimeSeriesReader.read(csv));
        assertTrue(bad.getMessage().contains("line 3, column eta_V: 'zero' is not a number"), bad.getMessage());

        Path short1 = Files.writeString(tmp.resolve("s.csv"), "time_s,eta_V\n0\n");
        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class,
                () -> TimeSeriesReader.read(short1));
        assertTrue(cut.getMessage().contains("line 2 has 1 fields, the header has 2"), cut.getMessage());

        Path good = Files.writeString(tmp.resolve("g.csv"), "time_s,eta_V\n0,NaN\n");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> TimeSeriesReader.read(good).column("nuclei"));
        assertTrue(missing.getMessage().contains("no column 'nuclei'"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeSeriesReader.read(tmp.resolve("none.csv")));
    }
}
