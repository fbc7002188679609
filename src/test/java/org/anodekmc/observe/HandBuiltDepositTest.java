package org.anodekmc.observe;

import org.anodekmc.model.Species;
import org.anodekmc.state.HandBuiltDeposit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The observables read any deposit, not only the live engine: here one laid out by hand, counted by hand. */
class HandBuiltDepositTest {
    /**
     * 4 × 4 columns, one substrate layer (z = 0), metal from z = 1: a nucleus of three atoms at (0,0) (two stacked,
     * one beside them), an adatom at (2,2), and a dead atom floating at (2,0,3) with an empty site below it.
     */
    private static HandBuiltDeposit deposit() {
        return new HandBuiltDeposit(4, 4, 6, 1)
                .set(0, 0, 1, Species.METAL).set(0, 0, 2, Species.METAL).set(1, 0, 1, Species.METAL)
                .set(2, 2, 1, Species.METAL)
                .set(2, 0, 3, Species.DEAD);
    }

    @Test
    void islandsAreCountedOnADepositBuiltByHand() {
        Islands islands = Islands.of(deposit());
        assertArrayEquals(new int[]{3}, islands.nucleusSizes());
        assertArrayEquals(new int[]{2}, islands.nucleusFootprint());
        assertEquals(1, islands.adatoms());
        assertEquals(1, islands.detachedAtoms());
    }

    @Test
    void surfaceStatisticsAreTakenOnADepositBuiltByHand() {
        SurfaceStatistics surface = SurfaceStatistics.of(deposit());
        int[] heights = new int[16];
        heights[0] = 2; // column (0,0)
        heights[1] = 1; // (1,0)
        heights[2] = 3; // (2,0): the dead atom, two empty sites below it
        heights[10] = 1; // (2,2)
        assertArrayEquals(heights, surface.heights());
        assertEquals(7 / 16.0, surface.meanHeight(), 1e-12);
        assertEquals(3, surface.maxHeight());
        assertEquals(3 / 16.0, surface.coverage(), 1e-12);
        assertEquals(2 / 7.0, surface.porosity(), 1e-12);
    }
}
