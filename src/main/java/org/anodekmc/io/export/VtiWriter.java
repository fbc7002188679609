package org.anodekmc.io.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * VTK XML image data for ParaView: one .vti per frame with the species code of every lattice site as a UInt8 cell
 * array named "species" (cell (x, y, z) spans [x·a, (x+1)·a] × ... on simple cubic, so the image covers exactly the
 * box; on the other lattices the cells are the grid of columns and layers, box / sizes, which the shifted rows and
 * stacked layers do not follow: their true positions are in the extxyz and LAMMPS exports), written
 * inline as base64-encoded binary without compression (a UInt64 byte count, then one byte per site, x fastest);
 * the frame's time goes into a TimeValue field. A .pvd collection lists the frames with their times.
 */
final class VtiWriter {
    private VtiWriter() {
    }

    /** Name of a frame's file, next to the .pvd. */
    static String frameFile(String base, int frame) {
        return String.format(Locale.ROOT, "%s_%06d.vti", base, frame);
    }

    /** @return the .pvd collection */
    static Path write(RunDeposit run, int[] frames, Path dir, StagedFiles files, IntConsumer progress)
            throws IOException {
        String base = run.runName();
        StringBuilder collection = new StringBuilder("""
                <?xml version="1.0"?>
                <VTKFile type="Collection" version="0.1" byte_order="LittleEndian">
                  <Collection>
                """);
        for (int i = 0; i < frames.length; i++) {
            RunDeposit.Frame frame = run.frame(frames[i]);
            String file = frameFile(base, frame.index);
            try (BufferedWriter out = files.open(dir.resolve(file))) {
                writeFrame(run, frame, out);
            }
            collection.append("    <DataSet timestep=\"").append(Coordinates.number(frame.info.time()))
                    .append("\" group=\"\" part=\"0\" file=\"").append(xmlAttribute(file)).append("\"/>\n");
            progress.accept(i + 1);
        }
        collection.append("  </Collection>\n</VTKFile>\n");
        Path pvd = dir.resolve(base + ".pvd");
        try (BufferedWriter out = files.open(pvd)) {
            out.write(collection.toString());
        }
        return pvd;
    }

    private static void writeFrame(RunDeposit run, RunDeposit.Frame frame, BufferedWriter out) throws IOException {
        int nx = run.sizeX();
        int ny = run.sizeY();
        int nz = run.sizeZ();
        String extent = "0 " + nx + " 0 " + ny + " 0 " + nz;
        String[] cell = run.coordinates().cellEdges();
        int sites = frame.sites();
        ByteBuffer data = ByteBuffer.allocate(Long.BYTES + sites).order(ByteOrder.LITTLE_ENDIAN);
        data.putLong(sites);
        for (int site = 0; site < sites; site++) { // x fastest, then y, then z: the order VTK expects
            data.put(frame.species(site));
        }
        out.write("""
                <?xml version="1.0"?>
                <VTKFile type="ImageData" version="1.0" byte_order="LittleEndian" header_type="UInt64">
                  <ImageData WholeExtent="%s" Origin="0 0 0" Spacing="%s %s %s">
                    <FieldData>
                      <DataArray type="Float64" Name="TimeValue" NumberOfTuples="1" format="ascii">%s</DataArray>
                    </FieldData>
                    <Piece Extent="%s">
                      <CellData Scalars="species">
                        <DataArray type="UInt8" Name="species" NumberOfComponents="1" format="binary">
                """.formatted(extent, cell[0], cell[1], cell[2], Coordinates.number(frame.info.time()), extent));
        out.write(Base64.getEncoder().encodeToString(data.array()));
        out.write("""

                        </DataArray>
                      </CellData>
                    </Piece>
                  </ImageData>
                </VTKFile>
                """);
    }

    private static String xmlAttribute(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
