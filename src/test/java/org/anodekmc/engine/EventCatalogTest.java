package org.anodekmc.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCatalogTest {
    /** Chosen events follow their rates: chi-square test on a catalogue of a few dozen events in three groups. */
    @Test
    void selectionFrequenciesFollowRates() {
        double[] rates = {1.0, 2.5, 0.3, 7.0, 0.05, 1.7};
        byte[] groups = {0, 0, 1, 1, 2, 2};
        int eventsPerSite = 2;
        EventCatalog catalog = new EventCatalog(eventsPerSite, rates, groups, 3);
        catalog.setGroupFactor(1, 3.0);
        catalog.setGroupFactor(2, 0.4);
        int sites = 20;
        double[] expected = new double[sites * eventsPerSite];
        for (int site = 0; site < sites; site++) {
            int slot = catalog.openSlot(site);
            for (int k = 0; k < eventsPerSite; k++) {
                int cls = (site * 7 + k * 3) % rates.length;
                catalog.setClass(slot, k, cls);
                double factor = groups[cls] == 0 ? 1 : groups[cls] == 1 ? 3.0 : 0.4;
                expected[site * eventsPerSite + k] = rates[cls] * factor;
            }
        }
        double total = 0;
        for (double r : expected) {
            total += r;
        }
        assertEquals(total, catalog.totalRate(), 1e-9 * total);

        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(12345L);
        int draws = 400_000;
        long[] counts = new long[expected.length];
        for (int i = 0; i < draws; i++) {
            int event = catalog.select(rng.nextDouble() * catalog.totalRate(), rng);
            counts[catalog.siteOfSlot(catalog.slotOfEvent(event)) * eventsPerSite + catalog.kindOfEvent(event)]++;
        }
        double chi2 = 0;
        for (int e = 0; e < expected.length; e++) {
            double mean = draws * expected[e] / total;
            chi2 += (counts[e] - mean) * (counts[e] - mean) / mean;
        }
        // 39 degrees of freedom: the 99.9% quantile of chi-square is 72.05
        assertTrue(chi2 < 72.05, "chi-square " + chi2);
    }

    @Test
    void removingAndReaddingKeepsTotalsExact() {
        double[] rates = {1.0, 2.0};
        EventCatalog catalog = new EventCatalog(1, rates, new byte[]{0, 1}, 2);
        int a = catalog.openSlot(3);
        int b = catalog.openSlot(4);
        catalog.setClass(a, 0, 0);
        catalog.setClass(b, 0, 1);
        assertEquals(3.0, catalog.totalRate(), 1e-12);
        catalog.setClass(a, 0, 1);
        assertEquals(4.0, catalog.totalRate(), 1e-12);
        catalog.setClass(a, 0, -1);
        catalog.closeSlotIfIdle(a);
        assertEquals(-1, catalog.slotOf(3));
        assertEquals(2.0, catalog.totalRate(), 1e-12);
        assertEquals(1, catalog.activeSites());
    }

    /**
     * Random changes of the events of many sites, through growth and shrinking of the slot table, against a map from
     * (site, event) to class: every lookup agrees, the total rate is the sum over the map, and every picked event is
     * one the map holds (an entry that moved without renaming its events would be picked under a stale slot).
     */
    @Test
    void agreesWithAReferenceMapThroughGrowthAndShrinking() {
        double[] rates = {1.0, 2.0, 0.5};
        int eventsPerSite = 3;
        EventCatalog catalog = new EventCatalog(eventsPerSite, rates, new byte[]{0, 0, 1}, 2);
        Map<Long, Integer> reference = new HashMap<>();
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(7L);
        for (int step = 0; step < 300_000; step++) {
            int targetEvents = step < 150_000 ? 20_000 : 300; // grow, then shrink
            // sites clustered in a few layers of 4096 columns, as on a film, plus scattered ones
            int site = rng.nextBoolean() ? (3 + rng.nextInt(3)) * 4096 + rng.nextInt(4096) : rng.nextInt(1 << 24);
            int k = rng.nextInt(eventsPerSite);
            int cls = reference.size() < targetEvents ? rng.nextInt(rates.length) : -1;
            int slot = catalog.slotOf(site);
            if (slot == -1) {
                if (cls == -1) {
                    continue;
                }
                slot = catalog.openSlot(site);
            }
            catalog.setClass(slot, k, cls);
            catalog.closeSlotIfIdle(slot);
            long key = (long) site * eventsPerSite + k;
            if (cls == -1) {
                reference.remove(key);
            } else {
                reference.put(key, cls);
            }
            if (step % 1000 == 0) {
                assertPickIsHeld(catalog, reference, eventsPerSite, rng);
            }
        }
        double total = 0;
        Set<Integer> sites = new HashSet<>();
        for (var e : reference.entrySet()) {
            int site = (int) (e.getKey() / eventsPerSite);
            int slot = catalog.slotOf(site);
            assertNotEquals(-1, slot, "site " + site);
            assertEquals(e.getValue(), catalog.classOf(slot, (int) (e.getKey() % eventsPerSite)), "site " + site);
            total += rates[e.getValue()];
            sites.add(site);
        }
        assertEquals(sites.size(), catalog.activeSites());
        assertEquals(total, catalog.totalRate(), 1e-9 * total);
        for (int i = 0; i < 10_000; i++) {
            assertPickIsHeld(catalog, reference, eventsPerSite, rng);
        }
    }

    private static void assertPickIsHeld(EventCatalog catalog, Map<Long, Integer> reference, int eventsPerSite,
                                         UniformRandomProvider rng) {
        int event = catalog.select(rng.nextDouble() * catalog.totalRate(), rng);
        int slot = catalog.slotOfEvent(event);
        int site = catalog.siteOfSlot(slot);
        int k = catalog.kindOfEvent(event);
        assertEquals(reference.get((long) site * eventsPerSite + k), catalog.classOf(slot, k), "picked event of " + site);
    }
}
