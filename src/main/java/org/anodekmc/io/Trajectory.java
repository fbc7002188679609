package org.anodekmc.io;

/**
 * The binary trajectory file of a run (trajectory.bin, big-endian): a header with the box and the top substrate
 * layer, then one frame per snapshot with the time, η, charge and event count, and the metal occupancy of every site
 * above the substrate as a deflate-compressed bit set (column-major: site = column·(sizeZ − surfaceZ) + z − surfaceZ),
 * followed (format 2) by the bit set of the dead metal in the same stream. See docs/formats.md.
 */
final class Trajectory {
    /** Format 2: frames carry the dead metal. */
    static final long MAGIC = 0x414B4D4354524A32L; // "AKMCTRJ2"
    /** Format 1 (read only): frames hold the occupancy alone. */
    static final long MAGIC_1 = 0x414B4D4354524A31L; // "AKMCTRJ1"
    static final int FRAME_MARK = 0x46524D31; // "FRM1"

    private Trajectory() {
    }
}
