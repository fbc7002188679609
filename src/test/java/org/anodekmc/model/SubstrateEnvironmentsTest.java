package org.anodekmc.model;

import org.anodekmc.TestConfigs;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.lattice.Lattice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SubstrateEnvironmentsTest {
    /**
     * Two site species at 30 % each, placed at random: every first-layer site sums the bonds of several substrate
     * atoms, in an order that depends on the site, yet sites that bind alike must share one code (the codes are few:
     * at most 63).
     */
    @ParameterizedTest
    @ValueSource(strings = {"sc", "bcc001", "bcc110", "fcc001", "fcc111", "hcp0001"})
    void sitesThatBindAlikeShareOneCode(String type) {
        SimulationConfig c = TestConfigs.yaml(TestConfigs.metal(0.06, 0.3) + """
                lattice: {size: [32, 32, 6]}
                substrate:
                  host: {name: H, bondEnergy: 0.1, terraceBarrier: 0.3}
                  sites:
                    - {name: A, bondEnergy: 0.3, fraction: 0.3}
                    - {name: B, bondEnergy: 0.7, fraction: 0.3}
                stop: {events: 1}
                """);
        Lattice lattice = Lattice.of(type, 32, 32, 6);
        byte[] top = new byte[lattice.columns()];
        Random random = new Random(5);
        for (int i = 0; i < top.length; i++) {
            double u = random.nextDouble();
            top[i] = u < 0.3 ? Species.site(0) : u < 0.6 ? Species.site(1) : Species.HOST;
        }
        double[] binding = SubstrateEnvironments.of(top, lattice, 1, c.substrate(), new LatticeBonds(c, lattice))
                .bindings();
        for (int i = 1; i < binding.length; i++) {
            for (int j = i + 1; j < binding.length; j++) {
                assertTrue(Math.abs(binding[i] - binding[j]) > 1e-9,
                        type + ": codes " + i + " and " + j + " bind alike, " + binding[i] + " and " + binding[j]);
            }
        }
    }
}
