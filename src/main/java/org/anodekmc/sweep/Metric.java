package org.anodekmc.sweep;

import com.fasterxml.jackson.databind.JsonNode;

/** The summary values a sweep tabulates and plots for every run, read from the run's summary.json. */
public enum Metric {
    ETA_NUC("eta_nuc_V", "nucleation", "nucleationOverpotential_V", "η_nuc (mV)", 1e3),
    SUBSTRATE_ETA_NUC("substrate_eta_nuc_V", "nucleation", "substrateNucleationOverpotential_V",
            "η_nuc on the substrate (mV)", 1e3),
    PLATEAU_ETA("plateau_eta_V", "nucleation", "plateauEta_V", "plateau η (mV)", 1e3),
    NUCLEUS_DENSITY("nucleus_density_cm2", "islands", "nucleusDensity_cm2", "nucleus density (cm⁻²)", 1),
    MEAN_NUCLEUS_SIZE("mean_nucleus_atoms", "islands", "meanNucleusSize_atoms", "mean nucleus size (atoms)", 1),
    ROUGHNESS("roughness_nm", "surface", "roughness_nm", "roughness (nm)", 1),
    SA_COVERAGE("sa_coverage", "surface", "siteCoverage", "SA sites covered (fraction)", 1),
    FIRST_CYCLE_CE("first_cycle_ce", "cycling", "firstCycleCoulombicEfficiency", "first-cycle CE (%)", 100),
    AVERAGE_CE("average_ce", "cycling", "averageCoulombicEfficiency", "average CE (%)", 100),
    FIRST_CYCLE_ETA_NUC("first_cycle_eta_nuc_V", "cycling", "firstCycleNucleationOverpotential_V",
            "η_nuc of cycle 1 (mV)", 1e3),
    DEAD_METAL_FRACTION("dead_metal_fraction", "cycling", "deadMetalFraction",
            "dead metal (fraction of the charge plated)", 1),
    TERRACE_FRACTION("terrace_fraction", "surface", "terraceFraction",
            "exposed atoms in facets parallel to the substrate (fraction)", 1),
    PEAK_NUCLEUS_DENSITY("peak_nucleus_density_cm2", "nucleation", "nucleusDensityAtPeak_cm2",
            "nucleus density at the η peak (cm⁻²)", 1);

    /** Column header in the sweep tables (unit in the name). */
    public final String column;
    private final String block;
    private final String field;
    /** Axis title of the trend plot, whose values are the column's times {@link #plotScale}. */
    public final String plotLabel;
    public final double plotScale;

    Metric(String column, String block, String field, String plotLabel, double plotScale) {
        this.column = column;
        this.block = block;
        this.field = field;
        this.plotLabel = plotLabel;
        this.plotScale = plotScale;
    }

    /** The value in a summary.json tree; NaN when the run has none (e.g. no plateau yet, no SA sites). */
    public double read(JsonNode summary) {
        JsonNode v = summary.path(block).path(field);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    /** File name stem of the trend plot, e.g. trend-eta_nuc. */
    public String plotName() {
        return "trend-" + name().toLowerCase();
    }
}
