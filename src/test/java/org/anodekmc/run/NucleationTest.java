package org.anodekmc.run;

import org.anodekmc.TestConfigs;
import org.anodekmc.io.RunFolder;
import org.anodekmc.observe.NucleationAnalysis;
import org.anodekmc.units.Units;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The galvanostatic voltage dip: what single-atom sites do to it, and the growth plateau against Butler–Volmer. */
class NucleationTest {
    private static final double BOND = 0.045;
    private static final double KINK = 3 * BOND;

    @TempDir
    Path tmp;

    /** Li-like metal on a weakly binding host, optionally decorated with single-atom sites. */
    private RunExecutor.Result plating(String sites, long seed) {
        return RunExecutor.run(TestConfigs.yaml(TestConfigs.metal(BOND, 0.62).replace("exchangeCurrentDensity: 1.0",
                "exchangeCurrentDensity: 1.7") + """
                seed: %d
                lattice: {size: [48, 48, 12]}
                substrate:
                  host: {name: H, bondEnergy: 0.04, terraceBarrier: 0.62}
                  sites: [%s]
                control: {mode: galvanostatic, currentDensity: 1.0}
                stop: {charge: 0.00012}
                output: {rows: 240, frames: 0}
                """.formatted(seed, sites)), tmp.resolve("run" + seed + sites.hashCode()), null);
    }

    private static double column(Path run, String name, int row) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve(RunFolder.TIMESERIES));
        int c = List.of(lines.get(0).split(",")).indexOf(name);
        return Double.parseDouble(lines.get(row + 1).split(",")[c]);
    }

    /**
     * Sites that bind the metal more strongly than its own kink (B_kink) take it at underpotential: η first goes
     * negative while they fill, and a densely decorated host needs far less overshoot than the bare one. In this
     * model a site binds only the atom right above it, so host gaps between decorated sites still need some
     * overpotential to fill: at half coverage the dip is about half that of the bare host, not zero (README,
     * "Nucleation on single-atom hosts").
     */
    @Test
    void strongSingleAtomSitesStartDepositionAtUnderpotentialAndShrinkTheDip() throws IOException {
        RunExecutor.Result bare = plating("", 1);
        RunExecutor.Result decorated = plating("{name: S, bondEnergy: %s, fraction: 0.5}".formatted(2 * KINK), 1);
        double early = column(decorated.folder(), "eta_V", 2);
        assertTrue(early < 0, "η while the single-atom sites fill: " + early);
        assertTrue(column(decorated.folder(), "site_coverage", 240) > 0.95);
        double etaBare = bare.nucleation().nucleationOverpotential();
        double etaSa = decorated.nucleation().nucleationOverpotential();
        assertTrue(etaBare > 0.02, "bare host η_nuc " + etaBare);
        assertTrue(etaSa < 0.6 * etaBare, "η_nuc " + etaSa + " with sites, " + etaBare + " without");
    }

    /** At the density of a typical single-atom host (1 per nm²) the dip is still lower than on the bare host. */
    @Test
    void singleAtomSitesLowerTheNucleationOverpotentialAtEqualCurrent() {
        double bare = 0;
        double decorated = 0;
        for (long seed = 1; seed <= 2; seed++) {
            bare += plating("", seed).nucleation().nucleationOverpotential();
            decorated += plating("{name: S, bondEnergy: %s, perNm2: 1.0}".formatted(2 * KINK), seed)
                    .nucleation().nucleationOverpotential();
        }
        assertTrue(decorated < 0.8 * bare, "mean η_nuc " + decorated / 2 + " with sites, " + bare / 2 + " without");
    }

    /**
     * On a metal film with weak bonds (a rough surface, so growth needs no nucleation), the galvanostatic plateau
     * follows Butler–Volmer, j = j0·(exp(α·f·η) − exp(−(1−α)·f·η)), with the exchange current density j0 that the
     * same surface shows at equilibrium (measured here from its reduction rate at η = 0). Tolerance 20% at 4 and
     * 6 mA/cm²; at lower currents the growing surface is rougher than the equilibrium one and its plateau falls below
     * the Butler–Volmer value (about 25% at 2 mA/cm²). Bonds this weak (ε/kT = 0.78) cut clusters off all the time:
     * at η = 0 about 15% of the metal is dead and exchanges nothing, while growth reconnects some of it, so the
     * plateau lies below the Butler–Volmer value of the resting surface (by 16% at 4 and 5% at 6 mA/cm² with this
     * seed; within 15% before dead metal was modelled).
     */
    @Test
    void growthPlateauFollowsButlerVolmer() throws IOException {
        String film = TestConfigs.metal(0.02, 0.62) + """
                seed: 9
                lattice: {size: [48, 48, 30], initialMetalLayers: 3}
                substrate: {host: {name: H, bondEnergy: 0.02, terraceBarrier: 0.62}}
                output: {rows: 100, frames: 0}
                """;
        RunExecutor.Result atRest = RunExecutor.run(TestConfigs.yaml(film + """
                control: {mode: potentiostatic, overpotential: 0.0}
                stop: {time: 0.2}
                """), tmp.resolve("eq"), null);
        assertEquals(org.anodekmc.engine.Simulation.Stop.TARGET, atRest.stop());
        Path equilibrium = atRest.folder();
        double dt = column(equilibrium, "time_s", 100) - column(equilibrium, "time_s", 20);
        double reductions = column(equilibrium, "reductions", 100) - column(equilibrium, "reductions", 20);
        double area = 48 * 48 * Math.pow(Math.cbrt(21.62) * 1e-8, 2);
        double j0 = reductions * Units.ELEMENTARY_CHARGE / area / dt * 1e3; // mA/cm²
        double f = 1 / Units.kT(298.15);
        for (double j : new double[]{4, 6}) {
            NucleationAnalysis n = RunExecutor.run(TestConfigs.yaml(film + """
                    control: {mode: galvanostatic, currentDensity: %s}
                    stop: {charge: 0.00015}
                    """.formatted(j)), tmp.resolve("j" + j), null).nucleation();
            double butlerVolmer = 2 / f * asinh(j / (2 * j0)); // α = 0.5
            assertEquals(butlerVolmer, n.plateauEta(), 0.2 * butlerVolmer, "plateau at " + j + " mA/cm²");
        }
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }
}
