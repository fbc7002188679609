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
    void thermalEnergyAtRoomTemperature() {
        assertEquals(0.025693, Units.kT(298.15), 1e-6);
    }
}
