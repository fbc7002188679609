package org.anodekmc.io;

/**
 * The binary trajectory file of a run (trajectory.bin, big-endian): a header with the box, the top substrate layer
 * and (format 3) the lattice type, then one frame per snapshot with the time, η, charge and event count, and the
 * metal occupancy of every site above the substrate as a deflate-compressed bit set (column-major: bit
 * column·(sizeZ − surfaceZ) + z − surfaceZ), followed (format 2 on) by the bit set of the dead metal in the same
 * stream. See docs/formats.md.
 */
final class Trajectory {
    /** Format 3: the header names the lattice type. */
    static final long MAGIC = 0x414B4D4354524A33L; // "AKMCTRJ3"
    /** Format 2 (read only): a simple cubic lattice; frames carry the dead metal. */
    static final long MAGIC_2 = 0x414B4D4354524A32L; // "AKMCTRJ2"
    /** Format 1 (read only): frames hold the occupancy alone. */
    static final long MAGIC_1 = 0x414B4D4354524A31L; // "AKMCTRJ1"
    /** The lattice of format 1 and 2 files, which do not name it. */
    static final String FORMAT_2_LATTICE = "sc";
    /** Longest lattice type name a header may hold. */
    static final int MAX_LATTICE_TYPE = 64;
    static final int FRAME_MARK = 0x46524D31; // "FRM1"

    private Trajectory() {
    }
}
