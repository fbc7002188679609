package org.anodekmc.engine;

import org.anodekmc.config.LatticeConfig;
import org.anodekmc.run.Benchmark.Workload;
import org.anodekmc.run.Engines;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Engine benchmarks on the standard and the physics workload (configs/bench/). Run with
 * {@code mvn -B -P jmh package -DskipTests && java -jar target/benchmarks.jar}.
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmarks {
    private static final int EVENTS_PER_CALL = 10_000;

    /**
     * A film on which events keep running (it keeps growing during the measurement): in the standard workload grown to
     * a tenth of a monolayer (about 7e7 events at 1024², a few minutes); in the physics workload plated for a quarter
     * of its 0.72 s (about 0.9 atomic layers, before the peak of η; about 2e7 events at 1024²).
     */
    @State(Scope.Thread)
    public static class Film {
        @Param({"64", "256", "1024"})
        int size;
        @Param({"standard", "physics"})
        String workload;
        @Param({"simple-cubic"})
        String lattice;
        Simulation sim;

        @Setup(Level.Trial)
        public void grow() {
            Workload w = workload.equals("physics") ? Workload.PHYSICS : Workload.STANDARD;
            LatticeConfig.Type type = Arrays.stream(LatticeConfig.Type.values())
                    .filter(t -> t.spelling().equals(lattice)).findFirst().orElseThrow();
            sim = Engines.build(w.config(type, size, false));
            // the standard workload deposits 1.35e-5 atoms per site per time unit
            sim.advance(w == Workload.PHYSICS ? w.time() / 4 : 0.1 / 1.35e-5, Long.MAX_VALUE, Long.MAX_VALUE);
        }

        /**
         * The physics box is 16 layers high and fills within a few seconds of plating: past the workload's 0.72 s
         * the film is grown again, so that no iteration runs into a full box.
         */
        @Setup(Level.Iteration)
        public void keepRoom() {
            if (workload.equals("physics") && sim.time() > Workload.PHYSICS.time()) {
                grow();
            }
        }
    }

    /** One event (select, execute, update the neighbourhood), averaged over a batch. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(EVENTS_PER_CALL)
    public long event(Film film) {
        Simulation sim = film.sim;
        sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, sim.events() + EVENTS_PER_CALL);
        return sim.events();
    }

    /** The whole step loop, in events per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(EVENTS_PER_CALL)
    public long stepLoop(Film film) {
        Simulation sim = film.sim;
        sim.advance(Double.POSITIVE_INFINITY, Long.MAX_VALUE, sim.events() + EVENTS_PER_CALL);
        return sim.events();
    }

    /** The rate-class catalogue alone: move an event to another class and pick one, as every step does. */
    @State(Scope.Thread)
    public static class Catalogue {
        EventCatalog catalog;
        UniformRandomProvider rng;
        int sites = 50_000;

        @Setup(Level.Trial)
        public void fill() {
            double[] rates = new double[40];
            byte[] groups = new byte[40];
            for (int c = 0; c < rates.length; c++) {
                rates[c] = Math.exp(-c * 0.3);
                groups[c] = (byte) (c % 3);
            }
            catalog = new EventCatalog(7, rates, groups, 3);
            rng = RandomSource.XO_SHI_RO_256_PP.create(1L);
            for (int s = 0; s < sites; s++) {
                int slot = catalog.openSlot(s);
                for (int k = 0; k < 7; k++) {
                    catalog.setClass(slot, k, rng.nextInt(rates.length));
                }
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int catalogue(Catalogue c) {
        int slot = c.catalog.slotOf(c.rng.nextInt(c.sites));
        c.catalog.setClass(slot, c.rng.nextInt(7), c.rng.nextInt(40));
        return c.catalog.select(c.rng.nextDouble() * c.catalog.totalRate(), c.rng);
    }
}
