package org.anodekmc.observe;

import org.anodekmc.engine.Simulation;
import org.anodekmc.units.Units;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * One row of a run's time series: the electrochemistry, the event counts, and the deposit's surface and islands.
 *
 * @param eta         η averaged over the time since the previous sample (instantaneous for the first), V: under
 *                    galvanostatic control every electron transfer kicks η, and a time average is what a
 *                    potentiostat records
 * @param etaIntegral ∫η dt from the start up to this sample, V·s
 * @param current     faradaic current density since the previous sample, mA/cm² (NaN for the first)
 * @param counts      carried-out events of each of the engine's process counters ({@link Simulation#counters()})
 */
public record Sample(double time, double eta, double etaIntegral, double current, double charge, long atoms,
                     long reductions, long oxidations, long[] counts, double nanometresPerLayer, double areaCm2,
                     double siteAreaCm2, SurfaceStatistics surface, Islands islands, Morphology morphology) {

    /** Column names of the time-series table, with units. */
    public static final String[] COLUMNS = Stream.of(
            Stream.of("time_s", "eta_V", "potential_V", "current_mA_cm2", "charge_mAh_cm2", "atoms", "reductions",
                    "oxidations"),
            Simulation.counters().stream(),
            Stream.of("coverage", "site_coverage", "mean_height_nm", "roughness_nm", "max_height_nm", "nuclei",
                    "nucleus_density_cm2", "mean_nucleus_atoms", "mean_nucleus_radius_nm", "adatoms", "porosity",
                    "detached_atoms", "tips", "fractal_dimension")).flatMap(s -> s).toArray(String[]::new);

    public static Sample of(Simulation sim, Sample previous) {
        double charge = sim.chargeMAhPerCm2();
        boolean interval = previous != null && sim.time() > previous.time;
        double current = interval
                ? Units.meanCurrent(charge - previous.charge, sim.time() - previous.time) : Double.NaN;
        double eta = interval ? (sim.etaIntegral() - previous.etaIntegral) / (sim.time() - previous.time) : sim.eta();
        SurfaceStatistics surface = SurfaceStatistics.of(sim);
        return new Sample(sim.time(), eta, sim.etaIntegral(), current, charge, sim.metalAtoms(), sim.reductions(),
                sim.oxidations(), counts(sim), sim.rates().latticeConstant() / 10, sim.areaCm2(),
                sim.rates().siteArea(), surface, Islands.of(sim), Morphology.of(sim, surface));
    }

    private static long[] counts(Simulation sim) {
        return Simulation.counters().stream().mapToLong(sim::count).toArray();
    }

    /** The row's values in the order of {@link #COLUMNS}. */
    public Object[] values() {
        Stream<Object> head = Stream.of(time, eta, -eta, current, charge, atoms, reductions, oxidations);
        Stream<Object> tail = Stream.of(surface.coverage(), surface.siteCoverage(),
                surface.meanHeight() * nanometresPerLayer, surface.roughness() * nanometresPerLayer, surface.maxHeight() * nanometresPerLayer,
                islands.nuclei(), islands.nuclei() / areaCm2, islands.meanNucleusSize(),
                islands.meanEquivalentRadiusNm(siteAreaCm2), islands.adatoms(), surface.porosity(),
                islands.detachedAtoms(), morphology.tips(), morphology.fractalDimension());
        return Stream.of(head, Arrays.stream(counts).boxed(), tail).flatMap(s -> s).toArray();
    }
}
