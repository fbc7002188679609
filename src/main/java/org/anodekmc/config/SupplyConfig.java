package org.anodekmc.config;

/**
 * How ions reach the surface.
 *
 * @param mode              kinetic: ions everywhere at bulk concentration, every site reduced at its own
 *                          Butler–Volmer rate; ballistic: a fixed flux set by the current, each ion reduced where it
 *                          first lands in a random column (thin-film style); diffusion-limited: a fixed flux of ions
 *                          that random-walk from a reservoir plane above the deposit and are reduced on contact, so
 *                          protrusions collect more of them. In the two flux-fixing modes η is not modelled.
 * @param landing           ballistic only: column-top (lands on the highest atom of its column: random deposition)
 *                          or first-contact (stops at the first site with an occupied neighbour: ballistic
 *                          deposition)
 * @param reservoirDistance diffusion-limited only: sites between the highest point of the deposit and the plane
 *                          where walkers that wander off are relaunched; 0 (default): as far as the box is wide
 * @param sticking          diffusion-limited only: probability that an ion touching a kink-like site is reduced
 *                          there; other sites scale it by their relative reduction rate exp(α(B − B_kink)/kT),
 *                          capped at 1, so strongly binding single-atom sites catch ions first
 */
public record SupplyConfig(Mode mode, Landing landing, int reservoirDistance, double sticking) {
    /** How ions reach the surface. */
    public enum Mode implements ConfigChoice { KINETIC, BALLISTIC, DIFFUSION_LIMITED }

    /** Where a ballistic ion stops. */
    public enum Landing implements ConfigChoice { FIRST_CONTACT, COLUMN_TOP }
}
