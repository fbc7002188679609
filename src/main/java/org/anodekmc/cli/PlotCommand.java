package org.anodekmc.cli;

import org.anodekmc.plot.CyclePlots;
import org.anodekmc.plot.PlatingCurvePlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw the plating curve of a run (E = −η against time or capacity) as PNG, with the "
                + "nucleation peak and the plateau marked; for a cycling run, the voltage–capacity curves of all "
                + "cycles and the Coulombic efficiency per cycle.")
final class PlotCommand implements Callable<Integer> {
    enum X { time, capacity }

    @Parameters(paramLabel = "RUN_FOLDER", description = "a finished run folder")
    Path run;

    @Option(names = "--out", paramLabel = "PNG", description = "image file (default: RUN_FOLDER/plating-curve.png)")
    Path out;

    @Option(names = "--x", paramLabel = "AXIS", description = "x axis: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    X x = X.time;

    @Option(names = "--cycles", description = "the cycling charts (the default for a cycling run; default PNG: "
            + "RUN_FOLDER/" + CyclePlots.VOLTAGE_CAPACITY + ", the CE chart beside it as "
            + CyclePlots.COULOMBIC_EFFICIENCY + ")")
    boolean cycles;

    @Override
    public Integer call() {
        if (cycles || CyclePlots.isCyclingRun(run)) {
            for (Path png : CyclePlots.write(run, out != null ? out : run.resolve(CyclePlots.VOLTAGE_CAPACITY))) {
                System.out.println("cycling chart in " + png);
            }
            return 0;
        }
        Path png = out != null ? out : run.resolve("plating-curve.png");
        PlatingCurvePlot.write(run, png, x == X.time ? PlatingCurvePlot.XAxis.TIME : PlatingCurvePlot.XAxis.CAPACITY);
        System.out.println("plating curve in " + png);
        return 0;
    }
}
