package org.anodekmc.units;

/**
 * Physical constants and the unit conversions used across the simulator (eV, s, K, Å, mA/cm², mAh/cm², μF/cm², V):
 * every conversion of current, charge and time goes through here, so that one formula (and one order of floating-point
 * operations) serves every caller.
 */
public final class Units {
    /** Boltzmann constant, eV/K (CODATA 2018, exact). */
    public static final double BOLTZMANN_EV = 8.617333262e-5;
    /** Elementary charge, C (SI, exact). */
    public static final double ELEMENTARY_CHARGE = 1.602176634e-19;
    public static final double ANGSTROM_CM = 1e-8;
    public static final double COULOMB_PER_MAH = 3.6;
    public static final double SECONDS_PER_HOUR = 3600;

    private Units() {
    }

    public static double kT(double temperatureK) {
        return BOLTZMANN_EV * temperatureK;
    }

    /** Atoms per cm² deposited by an areal capacity (mAh/cm²) of an n-electron metal. */
    public static double atomsPerCm2(double mAhPerCm2, int charge) {
        return mAhPerCm2 * COULOMB_PER_MAH / coulombsPerIon(charge);
    }

    /** Areal capacity (mAh/cm²) carried by a number of atoms per cm². */
    public static double mAhPerCm2(double atomsPerCm2, int charge) {
        return atomsPerCm2 * charge * ELEMENTARY_CHARGE / COULOMB_PER_MAH;
    }

    /** Ions reduced per surface site per second at current density j (mA/cm²): F = j·A_site/(n·e). */
    public static double fluxPerSite(double mAPerCm2, double siteAreaCm2, int charge) {
        return ampsPerCm2(mAPerCm2) * siteAreaCm2 / coulombsPerIon(charge);
    }

    /** Charge carried by one ion of an n-electron metal, C. */
    public static double coulombsPerIon(int charge) {
        return charge * ELEMENTARY_CHARGE;
    }

    public static double ampsPerCm2(double mAPerCm2) {
        return mAPerCm2 * 1e-3;
    }

    public static double faradsPerCm2(double microfaradsPerCm2) {
        return microfaradsPerCm2 * 1e-6;
    }

    /** Time (s) a current density (mA/cm²) takes to pass an areal charge (mAh/cm²). */
    public static double secondsToPass(double mAhPerCm2, double mAPerCm2) {
        return mAhPerCm2 * SECONDS_PER_HOUR / mAPerCm2;
    }

    /** Areal charge (mAh/cm²) a current density (mA/cm²) passes in a time (s). */
    public static double chargePassed(double mAPerCm2, double seconds) {
        return mAPerCm2 * seconds / SECONDS_PER_HOUR;
    }

    /** Mean current density (mA/cm²) that passes an areal charge (mAh/cm²) in a time (s). */
    public static double meanCurrent(double mAhPerCm2, double seconds) {
        return mAhPerCm2 * SECONDS_PER_HOUR / seconds;
    }
}
