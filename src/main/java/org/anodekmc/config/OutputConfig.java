package org.anodekmc.config;

/**
 * @param rows   time-series rows, spread evenly over the run's progress towards its stop limit
 * @param frames deposit snapshots for the viewer, spread the same way
 */
public record OutputConfig(int rows, int frames) {
}
