package org.anodekmc.engine;

import java.util.Arrays;

/**
 * Site → slot map of the event catalogue: open addressing with linear probing over one array of (site, slot) pairs,
 * so a lookup reads one cache line. The bucket is the site number itself (modulo the power-of-two capacity): sites
 * are numbered layer by layer, so the surface atoms around an event, which sit side by side in a layer, fall into
 * neighbouring buckets and one event's lookups share cache lines, and a smooth film's few layers of surface sites
 * fill separate stretches of the table instead of colliding. Memory: 16 bytes per entry at most (load ≤ 1/2).
 */
final class SiteSlotIndex {
    private static final int FREE = -1;
    private static final int MIN_CAPACITY = 1 << 10;

    /** pairs[2b] = site in bucket b (or FREE), pairs[2b + 1] = its slot. */
    private int[] pairs;
    private int mask;
    private int size;

    SiteSlotIndex() {
        allocate(MIN_CAPACITY);
    }

    private void allocate(int capacity) {
        pairs = new int[2 * capacity];
        Arrays.fill(pairs, FREE);
        mask = capacity - 1;
        size = 0;
    }

    /** Slot of a site, or -1. */
    int get(int site) {
        int[] p = pairs;
        for (int b = site & mask; ; b = (b + 1) & mask) {
            int key = p[2 * b];
            if (key == site) {
                return p[2 * b + 1];
            }
            if (key == FREE) {
                return FREE;
            }
        }
    }

    /** Maps a site that has no slot yet. */
    void put(int site, int slot) {
        if (2 * (size + 1) > mask + 1) {
            rehash(2 * (mask + 1));
        }
        insert(site, slot);
    }

    private void insert(int site, int slot) {
        int b = site & mask;
        while (pairs[2 * b] != FREE) {
            b = (b + 1) & mask;
        }
        pairs[2 * b] = site;
        pairs[2 * b + 1] = slot;
        size++;
    }

    /** Removes a site that has a slot; later entries of its probe run move up so that lookups stay correct. */
    void remove(int site) {
        int b = site & mask;
        while (pairs[2 * b] != site) {
            b = (b + 1) & mask;
        }
        int hole = b;
        for (int next = (hole + 1) & mask; pairs[2 * next] != FREE; next = (next + 1) & mask) {
            int home = pairs[2 * next] & mask;
            // the entry at next may fill the hole if its home bucket does not lie cyclically in (hole, next]
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                pairs[2 * hole] = pairs[2 * next];
                pairs[2 * hole + 1] = pairs[2 * next + 1];
                hole = next;
            }
        }
        pairs[2 * hole] = FREE;
        size--;
        if (mask + 1 > MIN_CAPACITY && 8 * size < mask + 1) {
            rehash((mask + 1) / 2);
        }
    }

    private void rehash(int capacity) {
        int[] old = pairs;
        allocate(capacity);
        for (int b = 0; b < old.length; b += 2) {
            if (old[b] != FREE) {
                insert(old[b], old[b + 1]);
            }
        }
    }

    void clear() {
        allocate(MIN_CAPACITY);
    }

    int size() {
        return size;
    }

    long memoryBytes() {
        return 4L * pairs.length;
    }
}
