package org.anodekmc.units;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The unit conversions, against numbers worked out by hand. */
class UnitsTest {
    @Test
    void oneMilliampHourPerCm2OfLithium() {
        // 3.6 C/cm² divided by 1.602e-19 C per ion
        double atoms = Units.atomsPerCm2(1.0, 1);
        assertEquals(2.247e19, atoms, 0.001e19);
        // dense Li: atomic volume 21.62 Å³ = 21.62e-24 cm³ → thickness in μm
        double microns = atoms * 21.62e-24 * 1e4;
        assertEquals(4.86, microns, 0.02);
        assertEquals(1.0, Units.mAhPerCm2(atoms, 1), 1e-12);
    }

    @Test
    void fluxPerSurfaceSiteAtOneMilliampPerCm2() {
        double a = 2.78e-8; // cm
        assertEquals(4.82, Units.fluxPerSite(1.0, a * a, 1), 0.02);
        assertEquals(Units.fluxPerSite(1.0, a * a, 1) / 2, Units.fluxPerSite(1.0, a * a, 2), 1e-12);
    }

    @Test
    void chargeAndTimeAtACurrent() {
        // 1 mA/cm² passes 1 mAh/cm² in an hour; 0.5 μAh/cm² at 2 mA/cm² take 0.9 s
        assertEquals(3600.0, Units.secondsToPass(1.0, 1.0), 0.0);
        assertEquals(0.9, Units.secondsToPass(0.0005, 2.0), 1e-15);
        assertEquals(0.0005, Units.chargePassed(2.0, 0.9), 1e-18);
        assertEquals(-1.0, Units.chargePassed(-1.0, 3600), 0.0, "stripping passes a negative charge");
    }

    @Test
    void doubleLayerChargingInSiUnits() {
        // 20 μF/cm² charged by 1 mA/cm²: dη/dt = j/C = 1e-3/20e-6 = 50 V/s; one Zn²⁺ ion carries 2e
        assertEquals(50.0, Units.ampsPerCm2(1.0) / Units.faradsPerCm2(20.0), 1e-12);
        assertEquals(3.204353268e-19, Units.coulombsPerIon(2), 1e-28);
    }

    @Test
    void thermalEnergyAtRoomTemperature() {
        assertEquals(0.025693, Units.kT(298.15), 1e-6);
    }
}
