package org.anodekmc.model;

/** What occupies a lattice site, as stored in the engine's byte-per-site array. */
public final class Species {
    public static final byte EMPTY = 0;
    public static final byte METAL = 1;
    public static final byte HOST = 2;
    /** Single-atom species k is stored as FIRST_SITE + k. */
    public static final byte FIRST_SITE = 3;
    /**
     * Dead metal: cut off from the substrate, so without an electronic path; it takes part in no event but still
     * occupies its site and binds its neighbours. The highest code the engine's four species bits hold, above every
     * single-atom species, so the substrate codes keep their values.
     */
    public static final byte DEAD = 15;

    private Species() {
    }

    public static boolean isSubstrate(byte species) {
        return species >= HOST && species != DEAD;
    }

    /** Metal of the deposit, live or dead: what occupies space and binds. */
    public static boolean isDeposit(byte species) {
        return species == METAL || species == DEAD;
    }

    public static byte site(int k) {
        return (byte) (FIRST_SITE + k);
    }
}
