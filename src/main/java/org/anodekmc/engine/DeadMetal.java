package org.anodekmc.engine;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;

import java.util.Arrays;

/**
 * The connectivity rule: metal needs a path through metal to the substrate (its electronic contact with the current
 * collector). Metal that loses it becomes dead ({@link Species#DEAD}) with the whole cluster it belongs to, and a
 * dead cluster that live metal touches again comes back to life. Whether metal still reaches the substrate is
 * decided at once for most sites, which sit on a column that is solid metal down to the substrate; the rest search
 * the deposit, downwards first. Dead and live metal are never neighbours, except, on several threads, until the end
 * of a phase: there a thread's searches stay in its band's zone ({@link Sectors}); a search that would leave it takes
 * the metal as connected (or leaves a dead cluster dead) and lists the site, which the whole box's rule settles
 * between phases ({@link #settle}).
 */
final class DeadMetal {
    private final LatticeState state;
    private final Lattice lattice;
    private final EventIndex events;
    /** Sites of the cluster being relabelled (work space, kept between uses). */
    private final IntArrayList cluster = new IntArrayList();
    private final IntOpenHashSet visited = new IntOpenHashSet();
    private int[] stack = new int[64];
    private int removed;
    private int removedColumn;
    private int removedZ;
    private int added;
    /** The bands of a thread's rule, whose searches stay in the active band's zone; null for the whole box. */
    private final Sectors sectors;
    private int band;
    /** Sites whose search reached the edge of the zone, in the order met: settled between phases. */
    final IntArrayList unsettled = new IntArrayList();

    /** The rule of the whole box. */
    DeadMetal(LatticeState state, EventIndex events) {
        this(state, events, null);
    }

    /** With {@code sectors} set, a thread's rule (see {@link #inBand}). */
    DeadMetal(LatticeState state, EventIndex events, Sectors sectors) {
        this.state = state;
        this.lattice = state.lattice;
        this.events = events;
        this.sectors = sectors;
    }

    /** Keeps the searches of a thread's rule in this band's zone from now on. */
    void inBand(int activeBand) {
        band = activeBand;
    }

    /**
     * Settles a site a thread's rule left unsettled, on the whole box: live metal that reaches the substrate revives
     * the dead metal it touches, live metal that does not dies with its cluster.
     */
    void settle(int site) {
        if (state.species(site) != Species.METAL) {
            return;
        }
        if (reachesSubstrate(site, LatticeState.NONE)) {
            reconnectAround(site);
        } else {
            relabelCluster(site, Species.METAL, Species.DEAD);
        }
    }

    private boolean outsideZone(int site) {
        return sectors != null && !sectors.inZone(band, site);
    }

    /**
     * Does metal at {@code site} reach the substrate? With {@code from} set, as if the atom there had just moved to
     * {@code site} (a hop about to be made).
     */
    boolean reachesSubstrate(int site, int from) {
        removed = from;
        removedColumn = from == LatticeState.NONE ? LatticeState.NONE : lattice.column(from);
        removedZ = from == LatticeState.NONE ? LatticeState.NONE : lattice.z(from);
        added = from == LatticeState.NONE ? LatticeState.NONE : site;
        return connected(site);
    }

    /**
     * After an atom left {@code site}: a metal neighbour that lost its path to the substrate dies with the whole
     * cluster it belongs to.
     */
    void cutOffAround(int site) {
        for (int rest = state.metalNeighbours(site); rest != 0; rest &= rest - 1) {
            int n = lattice.neighbour(site, Integer.numberOfTrailingZeros(rest));
            if (state.species(n) == Species.METAL && !reachesSubstrate(n, LatticeState.NONE)) {
                relabelCluster(n, Species.METAL, Species.DEAD);
            }
        }
    }

    /** After a live atom arrived at {@code site}: the dead clusters it touches regain their electronic contact. */
    void reconnectAround(int site) {
        if (state.deadAtoms == 0) {
            return;
        }
        for (int rest = state.metalNeighbours(site); rest != 0; rest &= rest - 1) {
            int n = lattice.neighbour(site, Integer.numberOfTrailingZeros(rest));
            if (state.species(n) == Species.DEAD && !relabelCluster(n, Species.DEAD, Species.METAL)) {
                unsettled.add(site);
                return;
            }
        }
    }

    /** After an ion from a supply was reduced at {@code site}: it revives what it touches, or dies on dead metal. */
    void landed(int site) {
        if (site < state.contactEnd || state.livingNeighbour(site)) {
            reconnectAround(site);
        } else {
            relabelCluster(site, Species.METAL, Species.DEAD);
        }
    }

    /**
     * Relabels the cluster of {@code from} atoms around {@code start} (first-shell contacts) as {@code to}, then
     * recomputes the events around it: its atoms' own, and the reductions of the empty sites beside it. False, with
     * nothing changed, if the cluster reaches beyond a thread's zone.
     */
    private boolean relabelCluster(int start, byte from, byte to) {
        IntArrayList sites = cluster;
        sites.clear();
        clearVisited();
        visited.add(start);
        sites.add(start);
        for (int i = 0; i < sites.size(); i++) {
            int s = sites.getInt(i);
            for (int rest = state.metalNeighbours(s); rest != 0; rest &= rest - 1) {
                int n = lattice.neighbour(s, Integer.numberOfTrailingZeros(rest));
                if (state.species(n) == from && visited.add(n)) {
                    if (outsideZone(n)) {
                        return false;
                    }
                    sites.add(n);
                }
            }
        }
        for (int i = 0; i < sites.size(); i++) {
            state.relabel(sites.getInt(i), to);
        }
        for (int i = 0; i < sites.size(); i++) {
            events.refreshAround(sites.getInt(i), LatticeState.NONE);
        }
        return true;
    }

    private void clearVisited() {
        if (visited.size() > 4096) {
            visited.trim(); // clear() costs the table's capacity: do not keep a large one after a large search
        }
        visited.clear();
    }

    private boolean metal(int site) {
        return site == added || (site != removed && state.species(site) == Species.METAL);
    }

    /** The site rests on the substrate or on a column that stays solid metal down to it. */
    private boolean grounded(int site) {
        int column = lattice.column(site);
        int z = lattice.z(site);
        int[] solidFrom = state.columnSolid;
        int solid = column == removedColumn && removedZ < solidFrom[column] ? removedZ : solidFrom[column];
        return site < state.contactEnd || z < solid;
    }

    private boolean connected(int site) {
        if (grounded(site)) {
            return true;
        }
        clearVisited();
        visited.add(site);
        int top = 0;
        stack[top++] = site;
        while (top > 0) {
            int s = stack[--top];
            // downward moves are pushed last so they are explored first: the substrate lies below
            for (int pass = 0; pass < 2; pass++) {
                for (int d = 0; d < state.coordination; d++) {
                    if ((pass == 0) == (lattice.dz(d) < 0)) {
                        continue;
                    }
                    int n = lattice.neighbour(s, d);
                    if (!state.inDepositLayers(n) || !metal(n) || !visited.add(n)) {
                        continue;
                    }
                    if (outsideZone(n)) {
                        unsettled.add(site);
                        return true;
                    }
                    if (grounded(n)) {
                        return true;
                    }
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = n;
                }
            }
        }
        return false;
    }
}
