package org.anodekmc.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.LatticeConfig;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.engine.Simulation;
import org.anodekmc.lattice.Lattice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * The performance workloads, each at several lattice sizes: {@link Workload#STANDARD} (configs/bench/standard.yaml),
 * thin-film growth with bond-counting hops in reduced units, as run by other lattice KMC codes; {@link
 * Workload#PHYSICS} (configs/bench/physics.yaml), the quickstart's physics.
 */
public final class Benchmark {
    private static final long EVENTS_PER_CHUNK = 1 << 22;

    /**
     * What a run of a workload varies: the lattice type (as {@code lattice.type} spells it), whether simple cubic
     * keeps the deposit connected too, and the threads of the run (engine.threads).
     */
    public record Variant(LatticeConfig.Type lattice, boolean keepConnected, int threads) {
        /** The lattice, with the workload's own rules, on one thread. */
        public static Variant of(LatticeConfig.Type lattice) {
            return new Variant(lattice, false, 1);
        }
    }

    /** A workload: its config (shipped in the jar under bench/) and the height of its box. */
    public enum Workload {
        /** Thin-film growth in reduced units: ballistic deposition, first-shell bond-counting hops. */
        STANDARD("standard", 40),
        /**
         * The quickstart's physics: Li on Cu with Zn single atoms at 1 mA/cm², redox kinetics, metropolis hops with
         * second-shell moves, the connectivity rule, galvanostatic η.
         */
        PHYSICS("physics", 16);

        private final String spelling;
        private final int height;

        Workload(String spelling, int height) {
            this.spelling = spelling;
            this.height = height;
        }

        /** Its name on the command line and of its config file. */
        public String spelling() {
            return spelling;
        }

        /**
         * The workload in a size × size × height box of a variant's lattice, rules and threads. On a crystal
         * lattice the standard workload keeps the deposit connected: without that rule a pair of atoms that steps
         * off the substrate is supported by itself alone and, on lattices with triangles of neighbours (fcc, hcp),
         * rolls away upwards until it reaches the top of the box. {@code keepConnected} sets the rule on simple cubic
         * too, so that a crystal and simple cubic run the same rules (the physics workload has it anyway).
         */
        public SimulationConfig config(Variant variant, int size) {
            LatticeConfig.Type lattice = variant.lattice();
            String file = spelling + ".yaml";
            ObjectNode tree;
            try (InputStream in = Benchmark.class.getResourceAsStream("/bench/" + file)) {
                tree = ConfigLoader.parseYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the " + spelling + " workload", e);
            }
            ObjectNode latticeNode = (ObjectNode) tree.get("lattice");
            latticeNode.put("type", lattice.spelling());
            latticeNode.putArray("size").add(size).add(size).add(height);
            // hcp1120's first shell reaches two layers down: its substrate needs two
            int reach = Lattice.of(lattice.latticeType(), 4, 4, 4).reach();
            if (latticeNode.path("substrateLayers").asInt(1) < reach) {
                latticeNode.put("substrateLayers", reach);
            }
            if (variant.keepConnected() || lattice != LatticeConfig.Type.SIMPLE_CUBIC) {
                tree.put("keepDepositConnected", true);
            }
            if (variant.threads() > 1) {
                tree.putObject("engine").put("threads", variant.threads());
            }
            return ConfigLoader.withBuiltInPresets().resolve(tree, "bench-" + spelling + "-" + size);
        }

        /** Simulated time of the full workload (its config's stop.time): 1.5e5/ν for the standard one, 0.72 s for physics. */
        public double time() {
            return config(Variant.of(LatticeConfig.Type.SIMPLE_CUBIC), 4).stop().time();
        }
    }

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

        /** Simulated time per wall-clock second (in the workload's time unit). */
        public double simulatedPerWallSecond() {
            return simulatedTime / wallSeconds;
        }
    }

    private Benchmark() {
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
     * Runs a workload in a variant until the simulated time or the event budget
     * is used up; the clock covers the event loop only.
     */
    public static Result run(Workload workload, Variant variant, int size, double time, long maxEvents,
                             Consumer<Simulation> progress) {
        Simulation sim = Engines.build(workload.config(variant, size));
        long wall = 0;
        Simulation.Stop stop = Simulation.Stop.TARGET;
        while (stop == Simulation.Stop.TARGET && sim.time() < time && sim.events() < maxEvents) {
            long start = System.nanoTime();
            stop = sim.advance(time, Long.MAX_VALUE, Math.min(maxEvents, sim.events() + EVENTS_PER_CHUNK));
            wall += System.nanoTime() - start;
            if (progress != null) {
                progress.accept(sim);
            }
        }
        return new Result(size, sim.lattice().sites(), sim.events(), sim.time(), wall * 1e-9,
                sim.latticeStateBytes(), sim.catalogueBytes(), sim.activeSites());
    }
}
