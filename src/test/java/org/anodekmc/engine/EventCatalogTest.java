package org.anodekmc.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCatalogTest {
    /** Chosen events follow their rates: chi-square test on a catalogue of a few dozen events in three groups. */
    @Test
    void selectionFrequenciesFollowRates() {
        double[] rates = {1.0, 2.5, 0.3, 7.0, 0.05, 1.7};
        byte[] groups = {0, 0, 1, 1, 2, 2};
        int eventsPerSite = 2;
        EventCatalog catalog = new EventCatalog(eventsPerSite, rates, groups);
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
                expected[slot * eventsPerSite + k] = rates[cls] * factor;
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
            counts[catalog.slotOfEvent(event) * eventsPerSite + catalog.kindOfEvent(event)]++;
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
        EventCatalog catalog = new EventCatalog(1, rates, new byte[]{0, 1});
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
}
