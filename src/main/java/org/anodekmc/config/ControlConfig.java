package org.anodekmc.config;

import java.util.List;

/**
 * Electrochemical control.
 *
 * @param mode                   galvanostatic, potentiostatic or cycling
 * @param currentDensity         applied current, mA/cm² (galvanostatic)
 * @param doubleLayerCapacitance C_dl in μF/cm² (galvanostatic and cycling)
 * @param initialOverpotential   η at t = 0 in V (galvanostatic and cycling)
 * @param overpotential          η steps in V (potentiostatic): each holds from its time until the next
 * @param maxEtaStep             largest change of η in V allowed between two events (galvanostatic steps)
 * @param cycles                 how often the protocol is repeated (cycling; null otherwise)
 * @param protocol               the steps of one cycle (cycling; null otherwise)
 */
public record ControlConfig(Mode mode, double currentDensity, double doubleLayerCapacitance,
                            double initialOverpotential, List<PotentialStep> overpotential, double maxEtaStep,
                            Integer cycles, List<ProtocolStep> protocol) {
    /** How the electrode is driven. */
    public enum Mode implements ConfigChoice { GALVANOSTATIC, POTENTIOSTATIC, CYCLING }

    /** η (V) from {@code time} (s) on. */
    public record PotentialStep(double time, double eta) {
    }

    /**
     * One step of a cycling protocol: a current (galvanostatic; negative strips, 0 rests at open circuit) or an
     * overpotential (potentiostatic), held until the first of its limits.
     *
     * @param current         mA/cm², or null for a potentiostatic step
     * @param overpotential   η in V, or null for a galvanostatic step
     * @param time            longest duration of the step, s
     * @param charge          largest charge passed in the step (either way), mAh/cm²
     * @param cutoffPotential galvanostatic steps: the step ends when the potential E = −η reaches this value (V vs
     *                        M/M⁺), from below when stripping, from above when plating
     */
    public record ProtocolStep(Double current, Double overpotential, Double time, Double charge,
                               Double cutoffPotential) {
        public boolean galvanostatic() {
            return current != null;
        }
    }

    public boolean cycling() {
        return mode == Mode.CYCLING;
    }
}
