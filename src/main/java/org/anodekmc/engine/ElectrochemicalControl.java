package org.anodekmc.engine;

import org.anodekmc.config.ControlConfig;
import org.anodekmc.units.Units;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The overpotential η(t). Galvanostatic: the double layer (capacitance C_dl over the box area A) is charged by the
 * applied current and discharged by every reduction, C_dl·A·dη/dt = I_app − I_F; a wait between events is cut into
 * pieces so that η never moves by more than {@code maxEtaStep} with frozen rates. Potentiostatic: η follows the given
 * steps. Cycling: a protocol of galvanostatic (any sign of current, 0 for a rest at open circuit) and potentiostatic
 * steps, each held until its first limit (time, charge passed, cut-off potential), repeated a number of cycles. With a
 * supply that fixes the flux (ballistic, diffusion-limited) η is not modelled (NaN).
 */
final class ElectrochemicalControl {
    private enum Mode { GALVANOSTATIC, POTENTIOSTATIC, CYCLING, NONE }
    /** |η| the model covers, V (as validation allows for given overpotentials). */
    private static final double ETA_LIMIT = 2;

    private final Mode mode;
    /** dη/dt per mA/cm² of applied current, V/s. */
    private final double ratePerCurrent;
    /** Drop of η per reduced ion, V. */
    private final double stepPerIon;
    private final double maxEtaStep;
    private final double[] stepTimes;
    private final double[] stepEtas;
    private int step;
    private double eta;
    /** dη/dt from the applied current alone, V/s (the current step's when cycling). */
    private double chargingRate;
    /** η follows the current: galvanostatic control, or a galvanostatic step of a cycling protocol. */
    private boolean driven;

    private final ControlConfig.ProtocolStep[] protocol;
    private final int cycles;
    /** Ions per mAh/cm² over the box area. */
    private final double ionsPerCharge;
    private int cycle;
    private int protocolStep;
    /** Protocol steps begun so far, all cycles (the simulation logs each step's start by it). */
    private int stepsBegun;
    private boolean finished;
    private double stepEnd;
    /** Net ions reduced in the current step, and the step's limit on their magnitude. */
    private long stepIons;
    private long stepIonLimit;
    /** η at which the current step is cut off (NaN: none); reached from above when stripping, below when plating. */
    private double cutoffEta;

    /**
     * @param areaCm2     electrode area of the box, cm²
     * @param charge      electrons per ion
     * @param modelled    false when the supply fixes the current (ballistic): η is then NaN
     */
    ElectrochemicalControl(ControlConfig c, double areaCm2, int charge, boolean modelled) {
        double capacitance = Units.faradsPerCm2(c.doubleLayerCapacitance()) * areaCm2; // F
        mode = !modelled ? Mode.NONE : switch (c.mode()) {
            case GALVANOSTATIC -> Mode.GALVANOSTATIC;
            case POTENTIOSTATIC -> Mode.POTENTIOSTATIC;
            case CYCLING -> Mode.CYCLING;
        };
        ratePerCurrent = Units.ampsPerCm2(1.0) * areaCm2 / capacitance;
        stepPerIon = Units.coulombsPerIon(charge) / capacitance;
        maxEtaStep = c.maxEtaStep();
        int n = mode == Mode.POTENTIOSTATIC ? c.overpotential().size() : 0;
        stepTimes = new double[n];
        stepEtas = new double[n];
        for (int i = 0; i < n; i++) {
            stepTimes[i] = c.overpotential().get(i).time();
            stepEtas[i] = c.overpotential().get(i).eta();
        }
        protocol = mode == Mode.CYCLING ? c.protocol().toArray(new ControlConfig.ProtocolStep[0])
                : new ControlConfig.ProtocolStep[0];
        cycles = mode == Mode.CYCLING ? c.cycles() : 0;
        ionsPerCharge = Units.atomsPerCm2(1.0, charge) * areaCm2;
        driven = mode == Mode.GALVANOSTATIC;
        chargingRate = driven ? c.currentDensity() * ratePerCurrent : 0;
        eta = switch (mode) {
            case GALVANOSTATIC, CYCLING -> c.initialOverpotential();
            case POTENTIOSTATIC -> stepEtas[0];
            case NONE -> Double.NaN;
        };
        if (mode == Mode.CYCLING) {
            begin(0);
        }
    }

    double eta() {
        return eta;
    }

    /** The time until which the rates may be held frozen, seen from {@code time}; infinite if forever. */
    double nextChange(double time) {
        if (mode == Mode.GALVANOSTATIC) {
            return time + maxEtaStep / chargingRate;
        }
        if (mode == Mode.POTENTIOSTATIC && step + 1 < stepTimes.length) {
            return stepTimes[step + 1];
        }
        if (mode == Mode.CYCLING && !finished) {
            return driven && chargingRate != 0 ? Math.min(stepEnd, time + maxEtaStep / Math.abs(chargingRate))
                    : stepEnd;
        }
        return Double.POSITIVE_INFINITY;
    }

    /** How long the applied current takes to move η by maxEtaStep, s; infinite when no current drives η. */
    double etaStepTime() {
        return driven && chargingRate != 0 ? maxEtaStep / Math.abs(chargingRate) : Double.POSITIVE_INFINITY;
    }

    /**
     * Time has advanced to {@code time} by {@code dt} without a reduction or oxidation.
     *
     * @return ∫η dt over the interval, V·s
     */
    double advance(double dt, double time) {
        double before = eta;
        if (driven) {
            eta += chargingRate * dt;
            double integral = 0.5 * (before + eta) * dt;
            if (mode == Mode.CYCLING && (time >= stepEnd || cutOff())) {
                nextStep(time);
            }
            return integral;
        }
        if (mode == Mode.POTENTIOSTATIC) {
            while (step + 1 < stepTimes.length && time >= stepTimes[step + 1]) {
                eta = stepEtas[++step];
            }
        } else if (mode == Mode.CYCLING && !finished && time >= stepEnd) {
            nextStep(time);
        }
        return before * dt;
    }

    /** One ion reduced (+1) or one atom oxidized (-1) at {@code time}. */
    void transfer(int direction, double time) {
        if (driven) {
            eta -= direction * stepPerIon;
        }
        if (mode == Mode.CYCLING && !finished) {
            stepIons += direction;
            if (Math.abs(stepIons) >= stepIonLimit || cutOff()) {
                nextStep(time);
            }
        }
    }

    private boolean cutOff() {
        return chargingRate < 0 ? eta <= cutoffEta : eta >= cutoffEta; // false when cutoffEta is NaN
    }

    private void nextStep(double time) {
        if (++protocolStep == protocol.length) {
            protocolStep = 0;
            if (++cycle == cycles) {
                finished = true;
                driven = false;
                chargingRate = 0;
                stepsBegun++;
                return;
            }
        }
        begin(time);
    }

    private void begin(double time) {
        ControlConfig.ProtocolStep s = protocol[protocolStep];
        applyStep();
        stepEnd = s.time() == null ? Double.POSITIVE_INFINITY : time + s.time();
        stepIons = 0;
        if (!s.galvanostatic()) {
            eta = s.overpotential();
        }
        stepsBegun++;
    }

    /** What the current protocol step fixes: how η is driven, and its limits on charge and potential. */
    private void applyStep() {
        ControlConfig.ProtocolStep s = protocol[protocolStep];
        driven = s.galvanostatic();
        chargingRate = driven ? s.current() * ratePerCurrent : 0;
        stepIonLimit = s.charge() == null ? Long.MAX_VALUE : Math.max(1, Math.round(s.charge() * ionsPerCharge));
        // without a cut-off of its own a step with a current stops where η leaves the model's range, as a cycler's
        // safety limit would: stripping with nothing left to strip would otherwise drive η down for ever
        cutoffEta = !driven || chargingRate == 0 ? Double.NaN
                : s.cutoffPotential() != null ? -s.cutoffPotential() : Math.copySign(ETA_LIMIT, chargingRate);
    }

    /** Change of η caused by one electron-transfer event, V (galvanostatic; 0 otherwise). */
    double stepPerIon() {
        return mode == Mode.GALVANOSTATIC || mode == Mode.CYCLING ? stepPerIon : 0;
    }

    double maxEtaStep() {
        return maxEtaStep;
    }

    boolean finished() {
        return finished;
    }

    /** The cycle under way, from 0 (the number of cycles once the protocol is finished). */
    int cycle() {
        return cycle;
    }

    /** The protocol step under way, from 0. */
    int protocolStep() {
        return protocolStep;
    }

    int stepsBegun() {
        return stepsBegun;
    }

    void writeState(DataOutput out) throws IOException {
        out.writeInt(step);
        out.writeDouble(eta);
        out.writeInt(cycle);
        out.writeInt(protocolStep);
        out.writeInt(stepsBegun);
        out.writeBoolean(finished);
        out.writeDouble(stepEnd);
        out.writeLong(stepIons);
    }

    void readState(DataInput in) throws IOException {
        step = StateData.checkRange(in.readInt(), Math.max(0, stepTimes.length - 1), "potential step");
        eta = in.readDouble();
        cycle = StateData.checkRange(in.readInt(), cycles, "cycle");
        protocolStep = StateData.checkRange(in.readInt(), Math.max(0, protocol.length - 1), "protocol step");
        stepsBegun = StateData.checkRange(in.readInt(), Integer.MAX_VALUE, "protocol steps begun");
        finished = in.readBoolean();
        stepEnd = in.readDouble();
        stepIons = in.readLong();
        if (mode == Mode.CYCLING && !finished) {
            applyStep();
        } else if (finished) {
            driven = false;
            chargingRate = 0;
        }
    }
}
