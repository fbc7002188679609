package org.anodekmc.cli;

import org.anodekmc.io.export.ExportFormat;
import org.anodekmc.io.export.Exporter;
import org.anodekmc.io.export.FrameSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a run's deposit (substrate with its single-atom sites, and metal atoms) for OVITO "
                + "(extxyz, lammps) or ParaView (vti).")
final class ExportCommand implements Callable<Integer> {
    private static final long SHOW_PROGRESS_AFTER_NANOS = 2_000_000_000L;

    @Parameters(paramLabel = "RUN", description = "run folder (written by kmc run)")
    Path run;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "extxyz (one .xyz, all frames), vti (one .vti per frame and a .pvd), lammps (one "
                    + ".lammpstrj dump, all frames)")
    String format;

    @Option(names = "--frames", paramLabel = "FRAMES", defaultValue = "last",
            description = FrameSelection.SYNTAX + "; 0 is the first frame (default: ${DEFAULT-VALUE})")
    String frames;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: RUN/export)")
    Path out;

    @Override
    public Integer call() {
        ExportFormat chosen = ExportFormat.parse(format);
        FrameSelection selection = FrameSelection.parse(frames);
        long start = System.nanoTime();
        Exporter.Progress progress = (done, total) -> {
            if (System.nanoTime() - start > SHOW_PROGRESS_AFTER_NANOS) {
                System.err.printf(Locale.ROOT, "  frame %d of %d written%n", done, total);
            }
        };
        Exporter.Result r = Exporter.export(run, chosen, selection, out, progress);
        r.warnings().forEach(w -> System.err.println("warning: " + w));
        System.out.printf(Locale.ROOT, "exported %d frame(s) of a %d x %d x %d box (a = %.4f Å)%n",
                r.frames().length, r.sizeX(), r.sizeY(), r.sizeZ(), r.latticeConstant());
        StringBuilder types = new StringBuilder("species codes (LAMMPS type, VTI value):");
        for (int code = 0; code < r.species().size(); code++) {
            types.append(' ').append(code).append(' ').append(r.species().get(code));
        }
        System.out.println(types);
        System.out.println("open " + r.main() + (r.files().size() > 1
                ? " (" + r.files().size() + " files in " + r.main().getParent() + ")" : ""));
        return 0;
    }
}
