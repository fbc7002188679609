package org.anodekmc.sweep;

import org.apache.commons.rng.core.source64.SplitMix64;

/**
 * Run seeds of a sweep, derived from the master seed alone: the seed of point p is output number p of a SplitMix64
 * stream started at the master seed, and the seed of its replicate r is output number r of the stream started at the
 * point's seed. So a run's seed does not depend on the thread count, on the order runs finish in, or on how many
 * replicates the sweep asks for.
 */
public final class Seeds {
    /** SplitMix64's state increment (the golden ratio in 64-bit fixed point). */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private Seeds() {
    }

    public static long run(long masterSeed, int point, int replicate) {
        return nth(nth(masterSeed, point), replicate);
    }

    /** Output number n (from 0) of a SplitMix64 stream seeded with {@code seed}, without drawing the n before it. */
    static long nth(long seed, long n) {
        return new SplitMix64(seed + n * GOLDEN_GAMMA).nextLong();
    }
}
