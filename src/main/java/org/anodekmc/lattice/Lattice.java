package org.anodekmc.lattice;

import java.util.List;

/**
 * Geometry of a lattice periodic in x and y and finite in z. Sites are numbered layer by layer
 * ({@code site = z·columns + column}): a growing film touches only the few layers around its surface, so in a large
 * box the part of the lattice that events touch stays small enough for the processor's caches. Directions
 * 0..coordination()-1 form the first shell; the ones after it are the second-shell hops the lattice needs beyond
 * it: on sc the ones that change layer (to climb or descend steps), on bcc001 the ones within a layer (to cross a
 * terrace); fcc and hcp need none.
 */
public interface Lattice {
    int sizeX();

    int sizeY();

    int sizeZ();

    default int columns() {
        return sizeX() * sizeY();
    }

    default int sites() {
        return columns() * sizeZ();
    }

    /** Index of the site at height z of a column, 0 ≤ site < sites(). */
    int site(int column, int z);

    int column(int site);

    int z(int site);

    default int columnAt(int x, int y) {
        return x + sizeX() * y;
    }

    default int columnX(int column) {
        return column % sizeX();
    }

    default int columnY(int column) {
        return column / sizeX();
    }

    /** Number of first-shell neighbours. */
    int coordination();

    /**
     * First-shell neighbours in the layers below: the substrate atoms under a site of the first metal layer (the
     * substrate is at least {@link #reach()} layers thick).
     */
    default int neighboursBelow() {
        return neighboursBelow(0);
    }

    /**
     * First-shell neighbours more than {@code layer} layers below: the substrate atoms bound to a site that many layers
     * above the first metal layer (none from {@link #reach()} layers up).
     */
    default int neighboursBelow(int layer) {
        int below = 0;
        for (int d = 0; d < coordination(); d++) {
            below += dz(d) < -layer ? 1 : 0;
        }
        return below;
    }

    /**
     * How many layers up (and down) the first shell reaches: 1, or 2 on hcp1120, whose neighbours along z lie two
     * layers away. So many layers above the substrate bind it, and so many below the box's top reach above it.
     */
    default int reach() {
        int reach = 0;
        for (int d = 0; d < coordination(); d++) {
            reach = Math.max(reach, dz(d));
        }
        return reach;
    }

    /** Number of hop directions: the first shell, plus the layer-changing second shell if asked for. */
    int hopDirections(boolean secondShell);

    /** False for second-shell moves. They pass between two bridge sites; the engine blocks a move when both are occupied. */
    boolean isFirstShell(int direction);

    /**
     * The two sites a second-shell move passes between, both first-shell neighbours of its start and its end; the
     * engine blocks the move when both are occupied. On sc: the mover's column at the target's height, and the
     * target's column at the mover's height.
     */
    int firstBridge(int site, int direction);

    int secondBridge(int site, int direction);

    /** Area of the surface per column, in units of Ω^(2/3) with Ω the volume per site. */
    double columnArea();

    /** Distance between layers, in units of Ω^(1/3). */
    double layerSpacing();

    /** Change of z along a direction. */
    int dz(int direction);

    /** Column reached from {@code column} (at height z) along a direction; the same column for vertical moves. */
    int neighbourColumn(int column, int z, int direction);

    /**
     * Site reached from {@code site} along a direction. A vertical move out of the box gives a number outside
     * 0..sites()-1 (below 0 under the bottom layer, sites() or more above the top), which the caller checks.
     */
    int neighbour(int site, int direction);

    /**
     * The first-shell directions from a site that lead to the site {@code direction} leads to, or to one of that
     * site's first-shell neighbours: the neighbours the two ends of a hop share (for a first-shell hop none on sc and
     * bcc besides each other, four more on fcc and hcp).
     */
    int sharedNeighbours(int site, int direction);

    /** The direction that leads back. */
    int reverse(int direction);

    /** Short name of the lattice type, as trajectory files record it ("sc" for simple cubic). */
    String type();

    /**
     * Cartesian position of a site's centre, in lattice constants: x and y across the periodic box, z upwards from the
     * bottom of the box (the face below the lowest substrate layer). Every site lies inside {@link #boxSize()}.
     */
    Point position(int site);

    /** Edges of the box in lattice constants: it spans [0, x] × [0, y] × [0, z], periodic in x and y. */
    Point boxSize();

    /** A point or a vector in Cartesian coordinates. */
    record Point(double x, double y, double z) {
    }

    /** Every lattice type, as {@link #type()} names it. */
    List<String> TYPES = List.of(SimpleCubicLattice.TYPE, StackedLattice.BCC001, StackedLattice.BCC110,
            StackedLattice.FCC001, StackedLattice.FCC111, StackedLattice.HCP0001, StackedLattice.HCP1120);

    /**
     * The lattice of a type named as {@link #type()} names it (hcp with the ideal c/a unless the name gives one, as in
     * hcp0001(c/a=1.856)); an IllegalArgumentException names an unknown type or a box size the lattice cannot wrap
     * around.
     */
    static Lattice of(String type, int sizeX, int sizeY, int sizeZ) {
        if (type.equals(SimpleCubicLattice.TYPE)) {
            return new SimpleCubicLattice(sizeX, sizeY, sizeZ);
        }
        if (!TYPES.contains(type) && !type.startsWith(StackedLattice.HCP0001 + "(")
                && !type.startsWith(StackedLattice.HCP1120 + "(")) {
            throw new IllegalArgumentException("unknown lattice type '" + type + "' (known: "
                    + String.join(", ", TYPES) + ")");
        }
        return StackedLattice.of(type, sizeX, sizeY, sizeZ);
    }
}
