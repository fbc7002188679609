package org.anodekmc.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.engine.Simulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * The standard performance workload (configs/bench/standard.yaml): thin-film growth with bond-counting hops in
 * reduced units, as run by other lattice KMC codes, at several lattice sizes.
 */
public final class Benchmark {
    /** Simulated time of the standard workload, in units of 1/ν. */
    public static final double STANDARD_TIME = 1.5e5;
    private static final long EVENTS_PER_CHUNK = 1 << 22;

    /**
     * One measured run.
     *
     * @param activeSites sites that owned events at the end (the surface)
     */
    public record Result(int size, long sites, long events, double simulatedTime, double wallSeconds,
                         long latticeBytes, long catalogueBytes, int activeSites) {
        public double eventsPerSecond() {
            return events / wallSeconds;
        }

        public double nanosPerEvent() {
            return wallSeconds * 1e9 / events;
        }
    }

    private Benchmark() {
    }

    /** The standard workload on a size × size × 40 lattice. */
    public static SimulationConfig standard(int size) {
        ObjectNode tree;
        try (InputStream in = Benchmark.class.getResourceAsStream("/bench/standard.yaml")) {
            tree = ConfigLoader.parseYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), "standard.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the standard workload", e);
        }
        ArrayNode dims = ((ObjectNode) tree.get("lattice")).putArray("size");
        dims.add(size).add(size).add(40);
        return ConfigLoader.withBuiltInPresets().resolve(tree, "bench-" + size);
    }

    /** Repeated runs of one size, in ns per event. */
    public record Spread(int runs, double median, double fastest, double slowest) {
        /**
         * The median (mean of the middle two for an even count): this machine's speed drifts by tens of percent
         * between runs, and the median is not pulled by one slow run.
         */
        public static Spread of(List<Result> results) {
            double[] ns = results.stream().mapToDouble(Result::nanosPerEvent).sorted().toArray();
            int n = ns.length;
            double median = n % 2 == 1 ? ns[n / 2] : 0.5 * (ns[n / 2 - 1] + ns[n / 2]);
            return new Spread(n, median, ns[0], ns[n - 1]);
        }
    }

    /**
     * Runs the standard workload until the simulated time or the event budget is used up; the clock covers the
     * event loop only.
     */
    public static Result run(int size, double time, long maxEvents, Consumer<Simulation> progress) {
        Simulation sim = Engines.build(standard(size));
        long wall = 0;
        while (sim.time() < time && sim.events() < maxEvents && !sim.boxFull()) {
            long start = System.nanoTime();
            sim.advance(time, Long.MAX_VALUE, Math.min(maxEvents, sim.events() + EVENTS_PER_CHUNK));
            wall += System.nanoTime() - start;
            if (progress != null) {
                progress.accept(sim);
            }
        }
        return new Result(size, sim.lattice().sites(), sim.events(), sim.time(), wall * 1e-9,
                sim.latticeStateBytes(), sim.catalogueBytes(), sim.activeSites());
    }
}
