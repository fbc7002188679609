package org.anodekmc.io;

import org.anodekmc.engine.Simulation;
import org.anodekmc.engine.StateData;
import org.anodekmc.observe.Islands;
import org.anodekmc.observe.Morphology;
import org.anodekmc.observe.NucleationAnalysis;
import org.anodekmc.observe.Sample;
import org.anodekmc.observe.SurfaceStatistics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The rows of a run written so far (the arrays grow when a run goes on past its planned rows): time, η, charge, substrate coverage and islands of each (the nucleation analysis
 * and islands.csv need them at the end) and the last row's whole sample (the next row's reference). A checkpoint
 * stores them exactly, so a resumed run ends with the same analysis as an uninterrupted one.
 */
public final class RecordedRows {
    double[] time;
    double[] eta;
    double[] charge;
    double[] coverage;
    Islands[] islands;
    int count;
    Sample last;

    public RecordedRows(int capacity) {
        time = new double[capacity];
        eta = new double[capacity];
        charge = new double[capacity];
        coverage = new double[capacity];
        islands = new Islands[capacity];
    }

    public void add(Sample sample, CsvWriter series) {
        series.row(sample.values());
        if (count == time.length) {
            int capacity = 2 * count + 1;
            time = Arrays.copyOf(time, capacity);
            eta = Arrays.copyOf(eta, capacity);
            charge = Arrays.copyOf(charge, capacity);
            coverage = Arrays.copyOf(coverage, capacity);
            islands = Arrays.copyOf(islands, capacity);
        }
        time[count] = sample.time();
        eta[count] = sample.eta();
        islands[count] = sample.islands();
        coverage[count] = sample.surface().coverage();
        charge[count++] = sample.charge();
        last = sample;
    }

    public double[] times() {
        return Arrays.copyOf(time, count);
    }

    public double[] etas() {
        return Arrays.copyOf(eta, count);
    }

    public double[] charges() {
        return Arrays.copyOf(charge, count);
    }

    public double[] coverages() {
        return Arrays.copyOf(coverage, count);
    }

    /** The last row's whole sample. */
    public Sample last() {
        return last;
    }

    /** The nuclei at a recorded row. */
    public Islands islandsAt(int row) {
        return islands[row];
    }

    /** islands.csv: the size distribution of the nuclei at the row of the η peak (when there is one), and at the end. */
    public void writeIslands(Path file, NucleationAnalysis nucleation) {
        try (CsvWriter out = new CsvWriter(file, "moment", "time_s", "nucleus", "atoms", "footprint_sites",
                "radius_nm")) {
            if (nucleation != null) {
                int peak = nucleation.peakRow();
                writeIslands(out, "peak", time[peak], islands[peak], last.siteAreaCm2());
            }
            writeIslands(out, "final", last.time(), last.islands(), last.siteAreaCm2());
        }
    }

    private static void writeIslands(CsvWriter out, String moment, double time, Islands islands,
                                     double siteAreaCm2) {
        for (int i = 0; i < islands.nuclei(); i++) {
            int footprint = islands.nucleusFootprint()[i];
            out.row(moment, time, i + 1, islands.nucleusSizes()[i], footprint,
                    Math.sqrt(footprint * siteAreaCm2 * 1e14 / Math.PI));
        }
    }

    public void write(DataOutput out) throws IOException {
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeDouble(time[i]);
            out.writeDouble(eta[i]);
            out.writeDouble(charge[i]);
            out.writeDouble(coverage[i]);
            writeIslands(out, islands[i]);
        }
        writeSample(out, last);
    }

    /** @param capacity the most rows the run writes (Integer.MAX_VALUE if it is open-ended) */
    public static RecordedRows read(DataInput in, int capacity) throws IOException {
        int count = in.readInt();
        if (count < 1 || count > capacity) {
            throw new IOException("the checkpoint holds " + count + " rows; this run writes at most " + capacity);
        }
        RecordedRows rows = new RecordedRows(count);
        for (int i = 0; i < count; i++) {
            rows.time[i] = in.readDouble();
            rows.eta[i] = in.readDouble();
            rows.charge[i] = in.readDouble();
            rows.coverage[i] = in.readDouble();
            rows.islands[i] = readIslands(in);
        }
        rows.count = count;
        rows.last = readSample(in);
        return rows;
    }

    private static void writeSample(DataOutput out, Sample s) throws IOException {
        for (double v : new double[]{s.time(), s.eta(), s.etaIntegral(), s.current(), s.charge(),
                s.nanometresPerLayer(), s.areaCm2(), s.siteAreaCm2()}) {
            out.writeDouble(v);
        }
        out.writeLong(s.atoms());
        out.writeLong(s.reductions());
        out.writeLong(s.oxidations());
        for (long count : s.counts()) {
            out.writeLong(count);
        }
        SurfaceStatistics f = s.surface();
        StateData.writeInts(out, f.heights(), f.heights().length);
        out.writeDouble(f.meanHeight());
        out.writeDouble(f.roughness());
        out.writeInt(f.maxHeight());
        out.writeDouble(f.coverage());
        out.writeDouble(f.siteCoverage());
        out.writeDouble(f.porosity());
        writeIslands(out, s.islands());
        out.writeInt(s.morphology().tips());
        out.writeDouble(s.morphology().fractalDimension());
    }

    private static Sample readSample(DataInput in) throws IOException {
        double[] v = new double[8];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readDouble();
        }
        long atoms = in.readLong();
        long reductions = in.readLong();
        long oxidations = in.readLong();
        long[] counts = new long[Simulation.counters().size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = in.readLong();
        }
        SurfaceStatistics surface = new SurfaceStatistics(StateData.readInts(in, Integer.MAX_VALUE, "columns"),
                in.readDouble(), in.readDouble(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble());
        return new Sample(v[0], v[1], v[2], v[3], v[4], atoms, reductions, oxidations, counts, v[5], v[6], v[7],
                surface, readIslands(in), new Morphology(in.readInt(), in.readDouble()));
    }

    private static void writeIslands(DataOutput out, Islands islands) throws IOException {
        StateData.writeInts(out, islands.nucleusSizes(), islands.nuclei());
        StateData.writeInts(out, islands.nucleusFootprint(), islands.nuclei());
        out.writeInt(islands.adatoms());
        out.writeLong(islands.detachedAtoms());
    }

    private static Islands readIslands(DataInput in) throws IOException {
        int[] sizes = StateData.readInts(in, Integer.MAX_VALUE, "nuclei");
        int[] footprints = StateData.readInts(in, sizes.length, "nucleus footprints");
        if (footprints.length != sizes.length) {
            throw new IOException("nuclei and footprints differ in number");
        }
        return new Islands(sizes, footprints, in.readInt(), in.readLong());
    }
}
