package org.anodekmc.engine;

import org.anodekmc.config.ControlConfig;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The overpotential η(t). Galvanostatic: the double layer (capacitance C_dl over the box area A) is charged by the
 * applied current and discharged by every reduction, C_dl·A·dη/dt = I_app − I_F; a wait between events is cut into
 * pieces so that η never moves by more than {@code maxEtaStep} with frozen rates. Potentiostatic: η follows the given
 * steps. With a supply that fixes the flux (ballistic, diffusion-limited) η is not modelled (NaN).
 */
final class ElectrochemicalControl {
    private enum Mode { GALVANOSTATIC, POTENTIOSTATIC, NONE }

    private final Mode mode;
    /** dη/dt from the applied current alone, V/s. */
    private final double chargingRate;
    /** Drop of η per reduced ion, V. */
    private final double stepPerIon;
    private final double maxEtaStep;
    private final double[] stepTimes;
    private final double[] stepEtas;
    private int step;
    private double eta;

    /**
     * @param areaCm2     electrode area of the box, cm²
     * @param charge      electrons per ion
     * @param modelled    false when the supply fixes the current (ballistic): η is then NaN
     */
    ElectrochemicalControl(ControlConfig c, double areaCm2, int charge, boolean modelled) {
        double capacitance = c.doubleLayerCapacitance() * 1e-6 * areaCm2; // F
        if (!modelled) {
            mode = Mode.NONE;
        } else if (c.mode().equals(ControlConfig.GALVANOSTATIC)) {
            mode = Mode.GALVANOSTATIC;
        } else {
            mode = Mode.POTENTIOSTATIC;
        }
        chargingRate = c.currentDensity() * 1e-3 * areaCm2 / capacitance;
        stepPerIon = charge * org.anodekmc.model.Units.ELEMENTARY_CHARGE / capacitance;
        maxEtaStep = c.maxEtaStep();
        int n = c.overpotential() == null ? 0 : c.overpotential().size();
        stepTimes = new double[n];
        stepEtas = new double[n];
        for (int i = 0; i < n; i++) {
            stepTimes[i] = c.overpotential().get(i).time();
            stepEtas[i] = c.overpotential().get(i).eta();
        }
        eta = switch (mode) {
            case GALVANOSTATIC -> c.initialOverpotential();
            case POTENTIOSTATIC -> stepEtas[0];
            case NONE -> Double.NaN;
        };
    }

    double eta() {
        return eta;
    }

    boolean galvanostatic() {
        return mode == Mode.GALVANOSTATIC;
    }

    /** The time until which the rates may be held frozen, seen from {@code time}; infinite if forever. */
    double nextChange(double time) {
        if (mode == Mode.GALVANOSTATIC) {
            return time + maxEtaStep / chargingRate;
        }
        if (mode == Mode.POTENTIOSTATIC && step + 1 < stepTimes.length) {
            return stepTimes[step + 1];
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * Time has advanced to {@code time} by {@code dt} without a reduction or oxidation.
     *
     * @return ∫η dt over the interval, V·s
     */
    double advance(double dt, double time) {
        double before = eta;
        if (mode == Mode.GALVANOSTATIC) {
            eta += chargingRate * dt;
            return 0.5 * (before + eta) * dt;
        }
        if (mode == Mode.POTENTIOSTATIC) {
            while (step + 1 < stepTimes.length && time >= stepTimes[step + 1]) {
                eta = stepEtas[++step];
            }
        }
        return before * dt;
    }

    /** One ion reduced (+1) or one atom oxidized (-1). */
    void transfer(int direction) {
        if (mode == Mode.GALVANOSTATIC) {
            eta -= direction * stepPerIon;
        }
    }

    /** Change of η caused by one electron-transfer event, V (galvanostatic; 0 otherwise). */
    double stepPerIon() {
        return mode == Mode.GALVANOSTATIC ? stepPerIon : 0;
    }

    double maxEtaStep() {
        return maxEtaStep;
    }

    void writeState(DataOutput out) throws IOException {
        out.writeInt(step);
        out.writeDouble(eta);
    }

    void readState(DataInput in) throws IOException {
        step = StateData.checkRange(in.readInt(), Math.max(0, stepTimes.length - 1), "potential step");
        eta = in.readDouble();
    }
}
