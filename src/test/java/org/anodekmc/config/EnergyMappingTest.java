package org.anodekmc.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mapping from interfacial energies, contact angles and DFT binding energies to the lattice's bonds. */
class EnergyMappingTest {
    private final ConfigLoader loader = ConfigLoader.withBuiltInPresets();

    private static final String METAL = """
            lattice: {size: [16, 16, 10]}
            metal: {name: M, charge: 1, atomicVolume: 27.0, interfacialEnergy: 0.2, cohesiveEnergy: 1.5,
                    terraceBarrier: 0.3, schwoebelBarrier: 0, attemptFrequency: 1e13}
            electrolyte: {name: E, exchangeCurrentDensity: 1, transferCoefficient: 0.5, activationEnergy: 0,
                          referenceTemperature: 298.15}
            stop: {events: 100}
            """;

    @Test
    void metalBondIsTwiceTheInterfacialEnergyPerSiteArea() {
        // a = 3 Å: 2 · 0.2 J/m² · 9e-20 m² = 3.6e-20 J = 0.224695 eV
        assertEquals(0.224695, EnergyMapping.metalBond(0.2, 27.0), 1e-6);
    }

    @Test
    void hostBondFollowsYoungDupre() {
        assertEquals(0.08, EnergyMapping.hostBond(0.08, 0), 1e-12);
        assertEquals(0.04, EnergyMapping.hostBond(0.08, 90), 1e-12);
        assertEquals(0.06, EnergyMapping.hostBond(0.08, 60), 1e-12);
        assertEquals(0.0, EnergyMapping.hostBond(0.08, 180), 1e-12);
    }

    @Test
    void siteAsBoundAsTheMetalsCohesionBindsLikeAKink() {
        assertEquals(0.15, EnergyMapping.siteBond(0.05, 1.63, 1.63), 1e-12);
        assertEquals(0.30, EnergyMapping.siteBond(0.05, 3.26, 1.63), 1e-12);
    }

    @Test
    void theLoaderDerivesEveryBondFromItsQuantity() {
        SimulationConfig c = loader.fromYaml(METAL + """
                substrate:
                  host: {name: H, contactAngle: 90, terraceBarrier: 0.3}
                  sites: [{name: S, bindingEnergy: 3.0, fraction: 0.1}]
                """, "d");
        double bond = c.metal().bondEnergy();
        assertEquals(0.224695, bond, 1e-6);
        assertEquals(bond / 2, c.substrate().host().bondEnergy(), 1e-12);
        assertEquals(1.5, c.substrate().sites().get(0).referenceEnergy());
        assertEquals(3 * bond * 3.0 / 1.5, c.substrate().sites().get(0).bondEnergy(), 1e-12);
        assertTrue(c.substrate().host().sources().get("bondEnergy").contains("Young"));
        assertEquals(c, loader.fromYaml(ConfigLoader.toYaml(c), "d"), "the resolved config loads back the same");
    }

    @Test
    void aBondThatContradictsItsQuantityIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.fromYaml(METAL.replace(
                "interfacialEnergy: 0.2", "interfacialEnergy: 0.2, bondEnergy: 0.05")
                + "substrate: {host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.3}}\n", "x"));
        assertEquals("metal.bondEnergy", e.field(), e.getMessage());
    }

    @Test
    void aContactAngleOutsideZeroTo180IsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.fromYaml(METAL
                + "substrate: {host: {name: H, contactAngle: 200, terraceBarrier: 0.3}}\n", "x"));
        assertEquals("substrate.host.contactAngle", e.field(), e.getMessage());
    }
}
