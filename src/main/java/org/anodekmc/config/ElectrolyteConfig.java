package org.anodekmc.config;

import org.anodekmc.units.Units;

import java.util.Map;

/**
 * The electrolyte's electron-transfer kinetics for the chosen metal. {@code sources} says where each number comes
 * from; fields overridden in a run config are marked as such by the loader.
 *
 * @param exchangeCurrentDensity j0 at the reference temperature, mA/cm² per kink-equivalent site: the measured
 *                               macroscopic j0 divided by the metal's calibration factor (docs/model.md)
 * @param transferCoefficient    α: reduction rates carry exp(α·n·e·η/kT), oxidation exp(−(1−α)·n·e·η/kT), so the
 *                               cathodic and anodic Tafel slopes are ln 10·kT/(α·n·e) and ln 10·kT/((1−α)·n·e)
 * @param activationEnergy       E_a of j0 in eV: j0(T) = j0(T_ref)·exp(−E_a/k·(1/T − 1/T_ref))
 * @param referenceTemperature   T_ref in K, where j0 was measured
 */
public record ElectrolyteConfig(
        String preset,
        String name,
        double exchangeCurrentDensity,
        double transferCoefficient,
        double activationEnergy,
        double referenceTemperature,
        Map<String, String> sources) {

    /** j0 per kink-equivalent site at temperature T, mA/cm². */
    public double exchangeCurrentDensityAt(double temperature) {
        return exchangeCurrentDensity * Math.exp(-activationEnergy / Units.BOLTZMANN_EV
                * (1 / temperature - 1 / referenceTemperature));
    }
}
