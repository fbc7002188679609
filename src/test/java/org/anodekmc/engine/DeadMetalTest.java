package org.anodekmc.engine;

import org.anodekmc.TestConfigs;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.run.Engines;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Metal cut off from the substrate becomes dead: it keeps its sites, takes part in no event, and comes back to life
 * when plating touches it again. Every atom stays counted: reduced − oxidized = atoms gained, live or dead.
 */
class DeadMetalTest {
    private static final int SIZE = 8;
    private static final int INITIAL_LAYERS = 1;

    /** @param terraceBarrier eV; null turns hops off */
    private static Simulation film(String control, Double terraceBarrier) {
        boolean hops = terraceBarrier != null;
        return Engines.build(TestConfigs.yaml(TestConfigs.metal(0.05, hops ? terraceBarrier : 0.3) + """
                seed: 5
                lattice: {size: [%d, %d, 10], initialMetalLayers: %d}
                substrate: {host: {name: H, bondEnergy: 0.04, terraceBarrier: 0.3}}
                hops: {enabled: %s}
                stop: {events: 1}
                """.formatted(SIZE, SIZE, INITIAL_LAYERS, hops) + control));
    }

    /** A pillar of three atoms with a fourth beside its top, standing on the film; returns its sites, neck first. */
    private static int[] pillar(Simulation sim) {
        Lattice l = sim.lattice();
        int s = sim.surfaceZ();
        int column = 3 + SIZE * 3;
        int[] sites = {l.site(column, s + 1), l.site(column, s + 2), l.site(column, s + 3), l.site(column + 1, s + 3)};
        for (int site : sites) {
            sim.reduce(site);
        }
        return sites;
    }

    @Test
    void aClusterCutOffByAnOxidationIsDeadAndIsNeverOxidized() {
        // without hops, so that no live atom wanders up to the dead cluster and reconnects it
        Simulation sim = film("control: {mode: potentiostatic, overpotential: -0.5}", null);
        long initial = sim.metalAtoms();
        int[] pillar = pillar(sim);
        sim.oxidize(pillar[0]);
        assertEquals(3, sim.deadAtoms());
        for (int i = 1; i < pillar.length; i++) {
            assertEquals(Species.DEAD, sim.species(pillar[i]));
        }
        assertNull(sim.catalogueMismatch());

        // strip everything live at a strongly anodic η, then keep going
        while (sim.metalAtoms() > sim.deadAtoms() && sim.events() < 1_000_000) {
            sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, sim.events() + 1000);
        }
        long stripped = sim.events();
        sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, stripped + 20_000);
        assertTrue(sim.events() > stripped, "the run went on after the live film was gone");
        for (int i = 1; i < pillar.length; i++) {
            assertEquals(Species.DEAD, sim.species(pillar[i]), "dead atom " + i);
        }
        assertEquals(3, sim.deadAtoms());
        assertTrue(sim.oxidations() >= initial + 1, "the live film was stripped: " + sim.oxidations());
        assertEquals(sim.metalAtoms() - initial, sim.reductions() - sim.oxidations(), "charge in atoms");
        assertNull(sim.catalogueMismatch());
        assertLiveExactlyWhereConnected(sim);
    }

    @Test
    void platingThatTouchesDeadMetalReconnectsIt() {
        Simulation sim = film("control: {mode: potentiostatic, overpotential: 0.0}", null);
        int[] pillar = pillar(sim);
        sim.oxidize(pillar[0]);
        assertEquals(3, sim.deadAtoms());
        sim.reduce(pillar[0]);
        assertEquals(0, sim.deadAtoms());
        for (int site : pillar) {
            assertEquals(Species.METAL, sim.species(site));
        }
        assertNull(sim.catalogueMismatch());
    }

    /**
     * Grows a rough deposit at high η, then strips it: after every event the catalogue is what a recomputation
     * gives, live metal is exactly the metal that reaches the substrate, and atoms are conserved.
     */
    @Test
    void strippingARoughDepositLeavesDeadMetalAndKeepsEveryInvariant() {
        Simulation sim = film("""
                control:
                  mode: potentiostatic
                  overpotential: [{time: 0, eta: 0.3}, {time: 0.004, eta: -0.3}]
                """, 0.75);
        long initial = sim.metalAtoms();
        long mostDead = 0;
        for (int i = 0; i < 12000 && !sim.boxFull(); i++) {
            sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, sim.events() + 1);
            assertNull(sim.catalogueMismatch());
            if (i % 10 == 0) {
                assertLiveExactlyWhereConnected(sim);
            }
            mostDead = Math.max(mostDead, sim.deadAtoms());
            assertEquals(sim.metalAtoms() - initial, sim.reductions() - sim.oxidations());
        }
        assertTrue(sim.time() > 0.004, "the run reached the stripping step: t = " + sim.time());
        assertTrue(mostDead > 0, "some metal was cut off while stripping; atoms at the end " + sim.metalAtoms()
                + ", reductions " + sim.reductions() + ", oxidations " + sim.oxidations());
    }

    /** Flood fill through deposit atoms from the first layer: reached atoms must be live, the others dead. */
    static void assertLiveExactlyWhereConnected(Simulation sim) {
        Lattice l = sim.lattice();
        BitSet reached = new BitSet(l.sites());
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < l.columns(); c++) {
            int site = l.site(c, sim.surfaceZ());
            if (Species.isDeposit(sim.species(site))) {
                reached.set(site);
                queue.add(site);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int d = 0; d < l.coordination(); d++) {
                int z = l.z(s) + l.dz(d);
                if (z < sim.surfaceZ() || z >= l.sizeZ()) {
                    continue;
                }
                int n = l.site(l.neighbourColumn(l.column(s), l.z(s), d), z);
                if (!reached.get(n) && Species.isDeposit(sim.species(n))) {
                    reached.set(n);
                    queue.add(n);
                }
            }
        }
        long dead = 0;
        for (int site = 0; site < l.sites(); site++) {
            byte sp = sim.species(site);
            if (Species.isDeposit(sp)) {
                assertEquals(reached.get(site) ? Species.METAL : Species.DEAD, sp, "site " + site);
                dead += sp == Species.DEAD ? 1 : 0;
            }
        }
        assertEquals(dead, sim.deadAtoms());
    }
}
