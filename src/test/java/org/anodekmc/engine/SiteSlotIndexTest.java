package org.anodekmc.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The slot index against java.util.HashMap under random puts and removes, through growth and shrinking. */
class SiteSlotIndexTest {
    @Test
    void agreesWithAHashMap() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(7L);
        SiteSlotIndex index = new SiteSlotIndex();
        Map<Integer, Integer> reference = new HashMap<>();
        // sites clustered in a few layers of 4096 columns, as on a film, plus scattered ones
        for (int step = 0; step < 400_000; step++) {
            int target = step < 200_000 ? 20_000 : 300; // grow, then shrink
            int site = rng.nextBoolean() ? rng.nextInt(3) * 4096 + rng.nextInt(4096) + 4096 * 3 : rng.nextInt(1 << 24);
            if (reference.containsKey(site)) {
                if (reference.size() > target || rng.nextInt(4) == 0) {
                    index.remove(site);
                    reference.remove(site);
                }
            } else if (reference.size() < target) {
                index.put(site, step);
                reference.put(site, step);
            }
            if (step % 1000 == 0) {
                int probe = rng.nextInt(1 << 24);
                assertEquals(reference.getOrDefault(probe, -1), index.get(probe), "site " + probe);
            }
        }
        assertEquals(reference.size(), index.size());
        reference.forEach((site, slot) -> assertEquals(slot, index.get(site), "site " + site));
    }
}
