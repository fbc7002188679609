package org.anodekmc.config;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Physically plausible ranges of the values of a physical-units config (docs/config.md). A value outside its range
 * still runs (it may be a deliberate numerical experiment) but gets a warning naming the field, the value and the
 * range. Configs in reduced units ({@code units: reduced}) get none.
 */
public final class Plausibility {
    /** Below this a temperature in K is more likely a temperature in °C. */
    static final double COLDEST_K = 150;
    /** Above this Li (454 K) and Na (371 K) are molten; Zn melts at 693 K. */
    static final double HOTTEST_K = 500;

    private final List<String> warnings = new ArrayList<>();

    private Plausibility() {
    }

    /** One warning per implausible value; none for a reduced-units config. */
    public static List<String> warnings(SimulationConfig c) {
        Plausibility p = new Plausibility();
        if (c.units() == SimulationConfig.UnitSystem.PHYSICAL) {
            p.temperature(c.temperature());
            p.check(c);
        }
        return p.warnings;
    }

    private void temperature(double t) {
        if (t < COLDEST_K) {
            warnings.add(String.format(Locale.ROOT, "temperature: %s K is below %.0f K; was °C meant? (%s °C = "
                    + "%.2f K; temperatures are in kelvin)", number(t), COLDEST_K, number(t), t + 273.15));
        } else {
            range("temperature", t, COLDEST_K, HOTTEST_K, "K", "battery operation; Li melts at 454 K");
        }
    }

    private void check(SimulationConfig c) {
        MetalConfig m = c.metal();
        range("metal.atomicVolume", m.atomicVolume(), 5, 100, "Å³", "metals");
        range("metal.attemptFrequency", m.attemptFrequency(), 1e11, 1e15, "1/s", "lattice vibrations");
        range("electrolyte.exchangeCurrentDensity", c.electrolyte().exchangeCurrentDensity(), 1e-4, 1e4, "mA/cm²",
                "metal electrodes");
        energy("metal.bondEnergy", m.bondEnergy());
        energy("metal.terraceBarrier", m.terraceBarrier());
        energy("metal.schwoebelBarrier", m.schwoebelBarrier());
        energy("substrate.host.bondEnergy", c.substrate().host().bondEnergy());
        energy("substrate.host.terraceBarrier", c.substrate().host().terraceBarrier());
        List<SiteConfig> sites = c.substrate().sites() == null ? List.of() : c.substrate().sites();
        for (int i = 0; i < sites.size(); i++) {
            energy("substrate.sites[" + i + "].bondEnergy", sites.get(i).bondEnergy());
            energy("substrate.sites[" + i + "].lateralBondEnergy", sites.get(i).lateralBondEnergy());
        }
        energy("hops.neighbourBarrier", c.hops().neighbourBarrier());
        ControlConfig control = c.control();
        if (control.mode() == ControlConfig.Mode.GALVANOSTATIC) {
            range("control.currentDensity", control.currentDensity(), 1e-3, 1e3, "mA/cm²",
                    "battery charging, from trickle to extreme fast charging");
        }
        range("control.doubleLayerCapacitance", control.doubleLayerCapacitance(), 1, 1000, "μF/cm²",
                "electrode double layers");
        range("control.initialOverpotential", control.initialOverpotential(), -1, 1, "V", "metal plating");
    }

    /** A number as people write it: 25, 0.001, 11604.5, 1.00e+30. */
    static String number(double v) {
        if (!Double.isFinite(v) || v != 0 && (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private void energy(String field, double value) {
        range(field, value, 0, 5, "eV", "bond and barrier energies of metals");
    }

    private void range(String field, double value, double low, double high, String unit, String of) {
        if (value < low || value > high) {
            warnings.add(field + ": " + number(value) + " " + unit + " is outside the plausible range " + number(low)
                    + " to " + number(high) + " " + unit + " (" + of + ")");
        }
    }
}
