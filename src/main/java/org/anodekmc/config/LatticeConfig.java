package org.anodekmc.config;

import java.util.List;

/**
 * @param size               box size in sites [x, y, z]; z counts the substrate layers too
 * @param substrateLayers    layers of immobile substrate at the bottom; single-atom sites sit in the top one
 * @param initialMetalLayers complete metal layers on the substrate at t = 0 (0 = bare substrate)
 */
public record LatticeConfig(String type, List<Integer> size, int substrateLayers, int initialMetalLayers) {
    public static final String SIMPLE_CUBIC = "simple-cubic";

    public int sizeX() {
        return size.get(0);
    }

    public int sizeY() {
        return size.get(1);
    }

    public int sizeZ() {
        return size.get(2);
    }
}
