package org.anodekmc.io.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats a run can be exported to, by the name used after {@code --format}. */
public enum ExportFormat {
    /** Extended XYZ, all frames in one file (OVITO, ASE). */
    EXTXYZ("extxyz"),
    /** VTK XML image data, one .vti per frame and a .pvd collection (ParaView). */
    VTI("vti"),
    /** LAMMPS text dump, all frames in one file (OVITO, VMD). */
    LAMMPS("lammps");

    private final String label;

    ExportFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static String labels() {
        return Arrays.stream(values()).map(ExportFormat::label).collect(Collectors.joining(", "));
    }

    public static ExportFormat parse(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.label.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("--format: unknown format '" + text + "'; use one of " + labels());
    }
}
