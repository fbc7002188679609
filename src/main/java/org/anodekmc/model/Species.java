package org.anodekmc.model;

/** What occupies a lattice site, as stored in the engine's byte-per-site array. */
public final class Species {
    public static final byte EMPTY = 0;
    public static final byte METAL = 1;
    public static final byte HOST = 2;
    /** Single-atom species k is stored as FIRST_SITE + k. */
    public static final byte FIRST_SITE = 3;

    private Species() {
    }

    public static boolean isSubstrate(byte species) {
        return species >= HOST;
    }

    public static byte site(int k) {
        return (byte) (FIRST_SITE + k);
    }
}
