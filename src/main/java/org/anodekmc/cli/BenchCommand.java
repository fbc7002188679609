package org.anodekmc.cli;

import org.anodekmc.config.ConfigChoice;
import org.anodekmc.config.LatticeConfig;
import org.anodekmc.engine.MemoryEstimate;
import org.anodekmc.run.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a performance workload and print events per second, ns per event, simulated time per "
                + "wall second and memory per site for each lattice size.",
                "standard (configs/bench/standard.yaml): L×L×40 (simple cubic unless --lattice) on a 3-layer "
                        + "substrate, ballistic deposition of 1.35e-5 atoms per site per unit time, first-shell "
                        + "bond-counting hops E_a = 2.0·n_i (kT = 1), 1.5e5 time units (about 5.9e6 events at 64²); "
                        + "on the crystal lattices with the connectivity rule, on simple cubic only with "
                        + "--keep-connected.",
                "physics (configs/bench/physics.yaml): the quickstart's physics in an L×L×16 box: Li on Cu with Zn "
                        + "single atoms at 1 mA/cm², redox kinetics, metropolis hops with second-shell moves, the "
                        + "connectivity rule, galvanostatic η; 0.72 s (about 3.9e5 events at 64²)."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "L", description = "lattice sizes L (default: 64,256)")
    List<Integer> sizes = List.of(64, 256);

    @Option(names = "--workload", paramLabel = "W", description = "standard or physics (default: standard)")
    String workload = Benchmark.Workload.STANDARD.spelling();

    @Option(names = "--lattice", paramLabel = "TYPE", description = "the workload's lattice, as lattice.type names it: "
            + "simple-cubic (default), bcc001, bcc110, fcc001, fcc111, hcp0001 or hcp1120; bonds converted as for any "
            + "run")
    String lattice = LatticeConfig.Type.SIMPLE_CUBIC.spelling();

    @Option(names = "--keep-connected", description = "the standard workload with the connectivity rule on simple "
            + "cubic too, as it runs on the crystal lattices (which need it), to compare the lattices under the same "
            + "rules (default: off; the physics workload always has it)")
    boolean keepConnected;

    @Option(names = "--time", paramLabel = "T",
            description = "simulated time per size, in the workload's unit (default: the workload's, 1.5e5 or 0.72 s)")
    Double time;

    @Option(names = "--max-events", paramLabel = "N",
            description = "stop a size after N events (default: no limit; use it for 1024²)")
    long maxEvents = Long.MAX_VALUE;

    @Option(names = "--threads", paramLabel = "N",
            description = "threads of the run (engine.threads; physics workload only, default: 1, the serial engine)")
    int threads = 1;

    @Option(names = "--repeat", paramLabel = "N",
            description = "run each size N times and print the median (default: 1; the machine's speed drifts)")
    int repeat = 1;

    @Override
    public Integer call() {
        for (int size : sizes) {
            if (size < 4 || size > 4096) {
                throw new ParameterException(spec.commandLine(),
                        "--sizes: each size must lie between 4 and 4096, got " + size);
            }
        }
        if (repeat < 1) {
            throw new ParameterException(spec.commandLine(), "--repeat: must be at least 1, got " + repeat);
        }
        Benchmark.Workload chosen = Arrays.stream(Benchmark.Workload.values())
                .filter(w -> w.spelling().equals(workload)).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "--workload: must be standard or physics, got '" + workload + "'"));
        LatticeConfig.Type type = Arrays.stream(LatticeConfig.Type.values())
                .filter(t -> t.spelling().equals(lattice)).findFirst()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "--lattice: must be one of "
                        + ConfigChoice.allowed(LatticeConfig.Type.class) + ", got '" + lattice
                        + "'"));
        double time = this.time != null ? this.time : chosen.time();
        if (!(time > 0) || Double.isInfinite(time)) {
            throw new ParameterException(spec.commandLine(), "--time: must be a positive number, got " + time);
        }
        if (maxEvents < 1) {
            throw new ParameterException(spec.commandLine(), "--max-events: must be positive, got " + maxEvents);
        }
        if (threads < 1 || (threads > 1 && chosen != Benchmark.Workload.PHYSICS)) {
            throw new ParameterException(spec.commandLine(), "--threads: the physics workload runs on 1 or more "
                    + "threads, the standard one (ballistic supply) on 1; got " + threads);
        }
        Benchmark.Variant variant = new Benchmark.Variant(type, keepConnected, threads);
        for (int size : sizes) {
            MemoryEstimate.requireFits(chosen.config(variant, size), Runtime.getRuntime().maxMemory());
        }
        System.out.println("warming up the JIT on 64² ...");
        Benchmark.run(chosen, new Benchmark.Variant(type, keepConnected, 1), 64, chosen.time() / 4, Long.MAX_VALUE,
                null);
        System.out.println("connectivity rule: " + (chosen.config(variant, 4).keepDepositConnected()
                ? "on" : "off") + (threads > 1 ? ", " + threads + " threads" : ""));
        System.out.println("size       sites      events   sim time   wall s     events/s   ns/event  sim/wall s   "
                + "state B/site  catalogue B/site  catalogue B/surface site");
        for (int size : sizes) {
            List<Benchmark.Result> runs = new ArrayList<>();
            for (int i = 0; i < repeat; i++) {
                Benchmark.Result r = Benchmark.run(chosen, variant, size, time, maxEvents,
                        sim -> System.err.printf(Locale.ROOT, "\r  %d²: %d events, t = %.3g", size, sim.events(),
                                sim.time()));
                System.err.print("\r" + " ".repeat(60) + "\r");
                printRow(r);
                runs.add(r);
            }
            if (repeat > 1) {
                Benchmark.Spread s = Benchmark.Spread.of(runs);
                System.out.printf(Locale.ROOT,
                        "%4d² median of %d runs: %.4g events/s, %.1f ns/event (range %.1f–%.1f)%n",
                        size, s.runs(), 1e9 / s.median(), s.median(), s.fastest(), s.slowest());
            }
        }
        return 0;
    }

    private static void printRow(Benchmark.Result r) {
        System.out.printf(Locale.ROOT, "%4d² %11d %11d %10.4g %8.2f %12.4g %10.1f %11.4g %13.2f %17.2f %25.1f%n",
                r.size(), r.sites(), r.events(), r.simulatedTime(), r.wallSeconds(), r.eventsPerSecond(),
                r.nanosPerEvent(), r.simulatedPerWallSecond(), r.latticeBytes() / (double) r.sites(), r.catalogueBytes() / (double) r.sites(),
                r.catalogueBytes() / (double) Math.max(1, r.activeSites()));
    }
}
