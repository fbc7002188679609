package org.anodekmc.cli;

import org.anodekmc.ConsoleCapture;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.anodekmc.TestConfigs;
import org.anodekmc.plot.CyclePlots;
import org.anodekmc.run.RunExecutor;
import org.anodekmc.io.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepAndPlotCommandTest {
    private static final String BASE = """
            base:
              lattice: {size: [12, 12, 8]}
              metal: {name: M, charge: 1, atomicVolume: 21.62, bondEnergy: 0.08, terraceBarrier: 0.45,
                      schwoebelBarrier: 0.0, attemptFrequency: 1.0e13}
              electrolyte: {name: E, exchangeCurrentDensity: 1.0, transferCoefficient: 0.5, activationEnergy: 0.0,
                      referenceTemperature: 298.15}
              substrate: {host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.45}}
              stop: {events: 1000}
              output: {rows: 10, frames: 0}
            """;

    @TempDir
    Path tmp;
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err;
    private final ByteArrayOutputStream out = console.out;

    private Path sweepFile(String axes) throws IOException {
        Path file = tmp.resolve("s.yaml");
        Files.writeString(file, BASE + axes);
        return file;
    }

    @Test
    void anAxisPathThatIsNotAConfigFieldIsRejectedBeforeAnyRun() throws IOException {
        Path file = sweepFile("""
                axes:
                  - {path: temperature, values: [300, 310]}
                  - {path: control.currentDensty, values: [1, 2]}
                """);
        Path folder = tmp.resolve("out");
        int code = Main.execute("sweep", file.toString(), "--out", folder.toString());
        String message = err.toString();
        assertEquals(2, code, message);
        assertTrue(message.contains("axes[1].path") && message.contains("control.currentDensty"), message);
        assertTrue(message.contains("control.currentDensity"), "suggests the field that exists: " + message);
        assertEquals(1, message.strip().lines().count(), message);
        assertFalse(message.contains("Exception"), message);
        assertFalse(Files.exists(folder), "nothing written");
    }

    @Test
    void aSweepWithAFailedPointFinishesTheOthersAndExitsWithOne() throws IOException {
        Path file = sweepFile("axes: [{path: temperature, values: [300, -5]}]\n");
        Path folder = tmp.resolve("out");
        int code = Main.execute("sweep", file.toString(), "--out", folder.toString(), "--threads", "2", "-q");
        assertEquals(1, code, err.toString());
        assertTrue(err.toString().contains("1 run(s) failed"), err.toString());
        assertTrue(out.toString().contains("1 runs ok"), out.toString());
        assertTrue(Files.exists(folder.resolve("points/p0000-r0").resolve(RunFolder.SUMMARY)));
    }

    @Test
    void slurmWithoutSubmittingWritesAnArrayOfTheRunsStillToDo() throws IOException {
        Path file = sweepFile("axes: [{path: temperature, values: [280, 300, 320]}]\n");
        Path folder = tmp.resolve("out");
        assertEquals(0, Main.execute("sweep", file.toString(), "--out", folder.toString(), "--task", "1", "-q"));
        assertTrue(Files.exists(folder.resolve("points/p0001-r0").resolve(RunFolder.SUMMARY)));

        int code = Main.execute("sweep", file.toString(), "--out", folder.toString(), "--slurm", "--no-submit",
                "--partition", "short", "--time", "1-00:30:00", "--cpus", "2", "--mem", "2G");
        assertEquals(0, code, err.toString());
        String array = Files.readString(folder.resolve("slurm/array.sbatch"));
        assertTrue(array.contains("#SBATCH --array=0,2\n"), "runs 0 and 2 are still to do: " + array);
        for (String line : new String[]{"#SBATCH --partition=short\n", "#SBATCH --time=1-00:30:00\n",
                "#SBATCH --cpus-per-task=2\n", "#SBATCH --mem=2G\n", "#SBATCH --output=" + folder.toAbsolutePath()
                + "/slurm/logs/%A_%a.out\n", "'sweep' '" + file.toAbsolutePath() + "' '--out' '"
                + folder.toAbsolutePath() + "' --task \"$SLURM_ARRAY_TASK_ID\" --runs-per-task 1 --threads 2"}) {
            assertTrue(array.contains(line), line + " in\n" + array);
        }
        String collect = Files.readString(folder.resolve("slurm/collect.sbatch"));
        assertTrue(collect.contains("' --collect\n") && collect.contains("#SBATCH --cpus-per-task=1\n"), collect);
        assertTrue(out.toString().contains("--dependency=afterany:$job"), out.toString());
    }

    /** Without --cpus a task asks Slurm for as many CPUs as the most threads a run of the sweep runs on. */
    @Test
    void slurmTasksAskForTheThreadsTheirRunsRunOn() throws IOException {
        Path file = sweepFile("""
                axes:
                  - {path: lattice.size, values: [[16, 64, 8]]}
                  - {path: engine.threads, values: [1, 2]}
                """);
        Path folder = tmp.resolve("out");
        assertEquals(0, Main.execute("sweep", file.toString(), "--out", folder.toString(), "--slurm",
                "--no-submit"), err.toString());
        String array = Files.readString(folder.resolve("slurm/array.sbatch"));
        assertTrue(array.contains("#SBATCH --cpus-per-task=2\n") && array.contains("--threads 2"), array);
    }

    @Test
    void slurmOptionsOutOfSlurmsFormatAreBadInput() throws IOException {
        Path file = sweepFile("axes: [{path: temperature, values: [300]}]\n");
        Path folder = tmp.resolve("out");
        assertEquals(2, Main.execute("sweep", file.toString(), "--out", folder.toString(), "--slurm", "--no-submit",
                "--time", "2h"));
        assertTrue(err.toString().contains("--time '2h'"), err.toString());
        assertEquals(2, Main.execute("sweep", file.toString(), "--out", folder.toString(), "--slurm", "--collect"));
        assertTrue(err.toString().contains("exclude one another"), err.toString());
        assertEquals(2, Main.execute("sweep", file.toString(), "--out", folder.toString(), "--time", "10"));
        assertTrue(err.toString().contains("go with --slurm"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(Files.exists(folder), "nothing written");
    }

    @Test
    void zeroThreadsIsBadInput() throws IOException {
        Path file = sweepFile("axes: [{path: temperature, values: [300]}]\n");
        assertEquals(2, Main.execute("sweep", file.toString(), "--threads", "0", "--out", tmp.resolve("o").toString()));
        assertTrue(err.toString().contains("--threads"), err.toString());
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    @Test
    void plotDrawsThePlatingCurveAgainstTimeAndCapacity() throws IOException {
        Path run = RunExecutor.run(TestConfigs.yaml(TestConfigs.metal(0.08, 0.45) + """
                lattice: {size: [16, 16, 8]}
                substrate:
                  host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.45}
                  sites: [{name: S, bondEnergy: 0.35, fraction: 0.03}]
                control: {mode: galvanostatic, currentDensity: 2.0}
                stop: {charge: 0.00003}
                output: {rows: 40, frames: 0}
                """), tmp.resolve("run"), null).folder();
        assertEquals(0, Main.execute("plot", run.toString()), err.toString());
        assertNonBlankChart(run.resolve("plating-curve.png"));
        Path capacity = tmp.resolve("capacity.png");
        assertEquals(0, Main.execute("plot", run.toString(), "--x", "capacity", "--out", capacity.toString()));
        assertNonBlankChart(capacity);
        assertFalse(Files.exists(tmp.resolve("capacity.png.tmp")));

        // the same rules for --out as kmc render: upper-case enum values, parent folders made, .png required
        Path nested = tmp.resolve("plots/li/capacity.png");
        assertEquals(0, Main.execute("plot", run.toString(), "--x", "CAPACITY", "--out", nested.toString()),
                err.toString());
        assertNonBlankChart(nested);
        assertEquals(2, Main.execute("plot", run.toString(), "--out", tmp.resolve("p.txt").toString()));
        assertTrue(err.toString().contains("--out") && err.toString().contains(".png"), err.toString());
        assertFalse(Files.exists(tmp.resolve("p.txt")));
    }

    @Test
    void plotOfAFolderThatIsNotARunIsBadInput() {
        assertEquals(2, Main.execute("plot", tmp.toString()));
        assertTrue(err.toString().contains("timeseries.csv"), err.toString());
        assertEquals(2, Main.execute("plot", tmp.toString(), "--x", "charge"));
    }

    @Test
    void aCyclingRunDrawsItsVoltageCapacityCurvesAndPlotDrawsThemAgain() throws IOException {
        Path run = RunExecutor.run(TestConfigs.yaml(TestConfigs.metal(0.05, 0.6) + """
                lattice: {size: [12, 12, 10]}
                substrate: {host: {name: H, bondEnergy: 0.06, terraceBarrier: 0.6}}
                control:
                  mode: cycling
                  cycles: 2
                  protocol: [{current: 5, charge: 0.00004}, {current: -5, cutoffPotential: 0.3}]
                output: {rows: 60, frames: 0}
                """), tmp.resolve("cycling"), null).folder();
        Path curves = run.resolve(CyclePlots.VOLTAGE_CAPACITY);
        assertNonBlankChart(curves);
        assertNonBlankChart(run.resolve(CyclePlots.COULOMBIC_EFFICIENCY));
        Files.delete(curves);
        assertEquals(0, Main.execute("plot", run.toString()), err.toString());
        assertNonBlankChart(curves);
        assertEquals(2, Main.execute("plot", tmp.toString(), "--cycles"));
        assertTrue(err.toString().contains("cycles.csv"), err.toString());
    }

    /** A drawn chart: the requested size, many colours (text, axes, line), and a red curve somewhere. */
    private static void assertNonBlankChart(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(900, image.getWidth());
        Set<Integer> colours = new HashSet<>();
        int reddish = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > 200 && g < 120 && b < 120) {
                    reddish++;
                }
            }
        }
        assertTrue(colours.size() > 20, "colours: " + colours.size());
        assertTrue(reddish > 200, "pixels of the curve: " + reddish);
    }
}
