package org.anodekmc.engine;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * The rate classes and groups that processes declare while they are built. A class is a base rate shared by all its
 * events; a group is a set of classes whose rates the engine scales together by one factor (η scales every
 * reduction at once), so a change of the factor costs O(1).
 */
final class RateClasses {
    private final DoubleArrayList rate = new DoubleArrayList();
    private final IntArrayList group = new IntArrayList();
    private int groups;

    /** A new group, whose factor starts at 1. */
    int newGroup() {
        if (groups == Byte.MAX_VALUE) {
            throw new IllegalStateException("too many rate groups");
        }
        return groups++;
    }

    /** A new class of this base rate (1/s) in a group; returns its number. */
    int add(double baseRate, int inGroup) {
        rate.add(baseRate);
        group.add(inGroup);
        return rate.size() - 1;
    }

    int size() {
        return rate.size();
    }

    int groups() {
        return groups;
    }

    double[] rates() {
        return rate.toDoubleArray();
    }

    byte[] groupOfClass() {
        byte[] groupOf = new byte[group.size()];
        for (int c = 0; c < groupOf.length; c++) {
            groupOf[c] = (byte) group.getInt(c);
        }
        return groupOf;
    }
}
