package org.anodekmc.config;

import java.util.List;

/**
 * Electrochemical control.
 *
 * @param mode                   galvanostatic or potentiostatic
 * @param currentDensity         applied current, mA/cm² (galvanostatic)
 * @param doubleLayerCapacitance C_dl in μF/cm² (galvanostatic)
 * @param initialOverpotential   η at t = 0 in V (galvanostatic)
 * @param overpotential          η steps in V (potentiostatic): each holds from its time until the next
 * @param maxEtaStep             largest change of η in V allowed between two events (galvanostatic)
 */
public record ControlConfig(String mode, double currentDensity, double doubleLayerCapacitance,
                            double initialOverpotential, List<PotentialStep> overpotential, double maxEtaStep) {
    public static final String GALVANOSTATIC = "galvanostatic";
    public static final String POTENTIOSTATIC = "potentiostatic";

    /** η (V) from {@code time} (s) on. */
    public record PotentialStep(double time, double eta) {
    }
}
