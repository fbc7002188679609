package org.anodekmc.engine;

import org.anodekmc.config.ConfigException;
import org.anodekmc.config.LatticeConfig;
import org.anodekmc.config.SimulationConfig;

import java.util.Locale;

/**
 * The heap a run needs, estimated from its config before anything is allocated, so that a box too large for the JVM
 * is refused at once instead of failing with an OutOfMemoryError after minutes.
 * <p>
 * Basis: the lattice holds 2 bytes per site; the event catalogue holds one entry of 2^k ints per site with events
 * (k from the events a site can own: {@link EventCatalog#strideShift}) in a table at most half full that doubles as
 * it grows (old and new table live together while it grows); a trajectory frame is encoded through two buffers of one
 * bit per site above the substrate. The catalogue slots per column are measured: the heap still in use after garbage
 * collection, sampled every half second of a run, is 564–595 B per column early in metropolis runs of 512² and
 * 1024² boxes (100,000 events), and 1135 B per column over a whole quickstart-like run (3.5 layers; from 64² and
 * 128², which also gives 2.5 MB that do not grow with the box): about 9 slots of 128 B. Twelve slots per column
 * allow for the moment the table doubles. A run is admitted only to a heap of at least {@link #HEADROOM} times its
 * estimate: two 1024² physics runs side by side, whose heap in use after garbage collection stayed under 2.5 GB, ran
 * out of a 5.9 GB heap, since the collector has to find room for each catalogue table (up to a GiB) in one piece.
 * See docs/performance.md, "Memory".
 */
public final class MemoryEstimate {
    /** Catalogue table slots per column, with the table's spare room and its growth (measured, see above). */
    static final double CATALOGUE_SLOTS_PER_COLUMN = 12;
    /** Everything else that grows with the area, bytes per column: substrate arrays, islands, heights. */
    static final long OTHER_BYTES_PER_COLUMN = 64;
    /** The program itself (classes, presets, buffers), bytes. */
    static final long BASE_BYTES = 48L << 20;
    /** The heap a run is admitted to, in multiples of its estimate (see above). */
    public static final int HEADROOM = 2;

    private MemoryEstimate() {
    }

    /** Estimated heap of a run of this config, bytes. */
    public static long bytes(SimulationConfig c) {
        LatticeConfig l = c.lattice();
        long columns = (long) l.sizeX() * l.sizeY();
        long sites = columns * l.sizeZ();
        int eventsPerSite = Processes.eventsPerSite(c, l.lattice(4, 4, 4));
        long catalogueSlot = 4L << EventCatalog.strideShift(eventsPerSite);
        long catalogue = (long) (columns * CATALOGUE_SLOTS_PER_COLUMN) * catalogueSlot;
        long frameBuffers = c.output().frames() > 0 ? 2 * (columns * (l.sizeZ() - l.substrateLayers()) + 7) / 8 : 0;
        return BASE_BYTES + 2 * sites + catalogue + OTHER_BYTES_PER_COLUMN * columns + frameBuffers;
    }

    /**
     * Refuses a config whose estimate, with the headroom, exceeds {@code maxHeap} bytes, saying how much it needs and
     * how to give the JVM more.
     */
    public static void requireFits(SimulationConfig c, long maxHeap) {
        requireFits(c, 1, maxHeap);
    }

    /** As {@link #requireFits(SimulationConfig, long)} for {@code atOnce} runs of the config side by side (a sweep). */
    public static void requireFits(SimulationConfig c, int atOnce, long maxHeap) {
        long needed = BASE_BYTES + atOnce * (bytes(c) - BASE_BYTES);
        if (HEADROOM * needed > maxHeap) {
            long gigabytes = (long) Math.ceil(HEADROOM * needed * 1.1 / (1L << 30));
            throw new ConfigException("lattice.size", String.format(Locale.ROOT, "%s%d×%d×%d box needs about %s of "
                            + "memory and a heap of %d times that to grow in, more than the %s this Java VM may use; "
                            + "give it more with kmc --heap %dg ... (or KMC_JAVA_OPTS=-Xmx%dg), or use a smaller box%s",
                    atOnce == 1 ? "a " : atOnce + " runs at once of a ", c.lattice().sizeX(), c.lattice().sizeY(),
                    c.lattice().sizeZ(), describe(needed), HEADROOM, describe(maxHeap), gigabytes, gigabytes,
                    atOnce == 1 ? "" : " or fewer --threads"));
        }
    }

    /** A byte count for people: "350 MB", "6.4 GB". */
    public static String describe(long bytes) {
        double mb = bytes / (double) (1L << 20);
        return mb < 1024 ? String.format(Locale.ROOT, "%.0f MB", mb)
                : String.format(Locale.ROOT, "%.1f GB", mb / 1024);
    }
}
