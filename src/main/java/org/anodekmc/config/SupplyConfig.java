package org.anodekmc.config;

/**
 * How ions reach the surface.
 *
 * @param mode    kinetic: ions everywhere at bulk concentration, site rates from Butler–Volmer;
 *                ballistic: a fixed flux set by the current, each ion reduced where it first lands in a random column
 *                (thin-film style; no redox kinetics, η not modelled)
 * @param landing ballistic only: column-top (lands on the highest atom of its column: random deposition) or
 *                first-contact (stops at the first site with an occupied neighbour: ballistic deposition)
 */
public record SupplyConfig(String mode, String landing) {
    public static final String KINETIC = "kinetic";
    public static final String BALLISTIC = "ballistic";
    public static final String COLUMN_TOP = "column-top";
    public static final String FIRST_CONTACT = "first-contact";
}
