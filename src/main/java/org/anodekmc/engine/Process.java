package org.anodekmc.engine;

/**
 * One type of event: which events a site owns and at which rate class, what carrying one out does, and which other
 * sites' events that can change. Each process declares its rate classes (and their groups) when it is built; the
 * {@link EventIndex} keeps every site's events in the catalogue and dispatches a picked event to its process. A new
 * event type is one such class, its rate table, and one line in {@link Processes}.
 */
interface Process {
    /** Events each site can own, numbered 0..eventsPerSite()-1 within the process. */
    int eventsPerSite();

    /** Rate class of an event of a site with this species and signature, or {@link LatticeState#NONE}. */
    int eventClass(byte species, int signature, int site, int event);

    /**
     * Writes the classes of all the site's events of this process into {@code into} from {@code from} on (one call per
     * site and process, so that the loop over its events runs inside the process).
     */
    default void eventClasses(byte species, int signature, int site, int[] into, int from) {
        for (int event = 0; event < eventsPerSite(); event++) {
            into[from + event] = eventClass(species, signature, site, event);
        }
    }

    /**
     * Carries an event out, changing the state and refreshing the events around it; false if it is refused (a
     * self-transition of the Markov chain, which leaves the dynamics exact).
     */
    boolean execute(int site, int event);

    /** Tells the process where its events start among all events of a site (once, when it is registered). */
    default void placedAt(int firstEvent) {
    }

    /** Whether empty sites own events of this process: a change must then look at its empty neighbours too. */
    boolean emptySitesOwnEvents();

    /**
     * Whether events owned by sites beyond the first shell of a changed site depend on it; if so the index calls
     * {@link #refreshThrough} and {@link #refreshReaching} after each change.
     */
    default boolean reachesBeyondFirstShell() {
        return false;
    }

    /** After a change at {@code changed}: refresh the events that depend on its first-shell neighbour {@code neighbour}. */
    default void refreshThrough(int neighbour, int changed) {
    }

    /** After a change at {@code changed}: refresh the events beyond its first shell that depend on it directly. */
    default void refreshReaching(int changed) {
    }

    /** Sets the catalogue factors of the process's rate groups at this overpotential, V. */
    default void atOverpotential(double eta) {
    }

    /** Name of the counter of its carried-out events ({@link Processes#COUNTERS}), or null if it keeps none. */
    default String counter() {
        return null;
    }
}
