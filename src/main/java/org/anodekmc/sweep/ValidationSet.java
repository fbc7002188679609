package org.anodekmc.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.anodekmc.config.ConfigChoice;
import org.anodekmc.config.ConfigException;
import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.ControlConfig;
import org.anodekmc.config.SimulationConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A validation set: run configs of literature systems, each with the nucleation overpotential measured for it and the
 * paper it comes from, run as a sweep whose one axis is the system (every system × every replicate, each run with its
 * own seed derived from the set's seed as in a sweep; the configs' own seeds are not used). The set file lists the
 * systems; {@link ValidationReport} compares simulated with measured values.
 *
 * @param file    the set file
 * @param members in the order of the set file, which is the order of the sweep's points
 */
public record ValidationSet(Path file, Sweep sweep, List<Member> members) {
    /** A fitted system (its value was used to set a model constant) or a prediction (it was not). */
    public enum Role implements ConfigChoice { CALIBRATION, PREDICTION }

    /** The set file as written; unset fields are null. */
    record Definition(String name, String description, Integer replicates, Long seed, List<MemberDefinition> systems) {
    }

    /**
     * One system as written.
     *
     * @param config         path of the run config, relative to the set file; its file name names the system
     * @param measuredEtaNuc mV, the measured nucleation overpotential
     * @param source         the primary citation of the measured value, and how it was read
     * @param bare           for a decorated host: the system of the same host bare, whose ratio is reported
     */
    record MemberDefinition(String config, Double measuredEtaNuc, String source, Role role, String bare) {
    }

    /**
     * One system of the set, checked.
     *
     * @param config         the resolved config (its seed is replaced per run)
     * @param measuredEtaNuc mV
     * @param bare           name of the bare-host system this one is compared with, or null
     */
    public record Member(String name, SimulationConfig config, double measuredEtaNuc, String source, Role role,
                         String bare) {
        /** The single-atom sites, e.g. "Zn-CNO 1/nm²", or "none". */
        public String sites() {
            List<String> each = config.substrate().sites().stream().map(s -> s.name() + " "
                    + (s.perNm2() != null ? s.perNm2() + "/nm²" : s.fraction() + " of sites")).toList();
            return each.isEmpty() ? "none" : String.join("; ", each);
        }

        /** The box in sites, x×y×z. */
        public String box() {
            return config.lattice().sizeX() + "x" + config.lattice().sizeY() + "x" + config.lattice().sizeZ();
        }
    }

    /** What a run of the set produced. */
    public record Result(SweepRunner.Result sweep, ValidationReport report) {
    }

    /** Reads and checks a set file; every problem is a {@link ConfigException} naming the field, before any run. */
    public static ValidationSet load(Path file, ConfigLoader configs) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("", "validation set file not found: " + file);
        }
        Definition def = ConfigLoader.bind(ConfigLoader.readTree(file), Definition.class);
        String name = def.name() != null ? def.name() : ConfigLoader.baseName(file);
        ConfigLoader.requireFolderName(name);
        int replicates = SweepLoader.replicates(def.replicates());
        long seed = def.seed() == null ? 1 : def.seed();
        if (def.systems() == null || def.systems().isEmpty()) {
            throw new ConfigException("systems", "missing in " + file + "; list the systems: {config: li-cu.yaml, "
                    + "measuredEtaNuc: 41.6, source: \"...\", role: calibration}");
        }
        List<Member> members = new ArrayList<>();
        Map<String, ObjectNode> trees = new HashMap<>();
        for (int i = 0; i < def.systems().size(); i++) {
            String field = "systems[" + i + "]";
            MemberDefinition d = def.systems().get(i);
            if (d == null) {
                throw new ConfigException(field, "empty in " + file + "; a system is {config: ..., measuredEtaNuc: "
                        + "..., source: ..., role: ...}");
            }
            Path config = file.toAbsolutePath().getParent().resolve(required(d.config(), field + ".config",
                    "the run config of the system, relative to " + file));
            String system = ConfigLoader.baseName(config);
            if (trees.containsKey(system)) {
                throw new ConfigException(field + ".config", "system '" + system + "' is listed twice in " + file);
            }
            ObjectNode tree;
            SimulationConfig resolved;
            try {
                tree = ConfigLoader.readTree(config);
                resolved = configs.resolve(tree, system);
            } catch (ConfigException e) {
                throw new ConfigException(field + ".config", e.getMessage());
            }
            if (resolved.control().mode() != ControlConfig.Mode.GALVANOSTATIC) {
                throw new ConfigException(field + ".config", config + " runs " + resolved.control().mode().spelling()
                        + "; η_nuc is measured in galvanostatic plating");
            }
            trees.put(system, tree);
            if (d.measuredEtaNuc() == null || !(d.measuredEtaNuc() > 0) || d.measuredEtaNuc().isInfinite()) {
                throw new ConfigException(field + ".measuredEtaNuc", (d.measuredEtaNuc() == null ? "missing"
                        : "must be above 0, got " + d.measuredEtaNuc()) + " in " + file
                        + "; give the measured nucleation overpotential of " + system + " in mV");
            }
            String source = required(d.source(), field + ".source", "the primary citation of the measured value "
                    + "(authors, journal, volume, page, year) and where in it the value is printed");
            if (d.role() == null) {
                throw new ConfigException(field + ".role", "missing in " + file + "; one of "
                        + ConfigChoice.allowed(Role.class));
            }
            members.add(new Member(system, resolved, d.measuredEtaNuc(), source, d.role(), d.bare()));
        }
        checkBarePartners(members);
        return new ValidationSet(file, sweep(name, replicates, seed, members, trees, configs), List.copyOf(members));
    }

    /**
     * Runs every system's replicates into {@code out} as a sweep (resuming as a sweep does), then writes the sweep
     * tables and the validation outputs ({@link ValidationReport}).
     */
    public Result run(Path out, int threads, Consumer<SweepRunner.Progress> progress) {
        List<ValidationReport> written = new ArrayList<>(1);
        SweepRunner.Result result = SweepRunner.run(sweep, out, threads, progress, all -> {
            SweepTables tables = SweepTables.of(sweep, all);
            tables.write(out);
            written.add(ValidationReport.of(this, tables).write(out));
        });
        return new Result(result, written.get(0));
    }

    private static String required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(field, "missing; give " + what);
        }
        return value;
    }

    /** A decorated system's bare partner is another system of the set on the same metal and host, with no sites. */
    private static void checkBarePartners(List<Member> members) {
        Map<String, Member> byName = new HashMap<>();
        members.forEach(m -> byName.put(m.name(), m));
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (m.bare() == null) {
                continue;
            }
            String field = "systems[" + i + "].bare";
            Member bare = byName.get(m.bare());
            if (bare == null || bare == m) {
                throw new ConfigException(field, "'" + m.bare() + "' is not another system of the set; systems: "
                        + String.join(", ", byName.keySet().stream().sorted().toList()));
            }
            if (!bare.config().substrate().sites().isEmpty()
                    || !bare.config().metal().name().equals(m.config().metal().name())
                    || !bare.config().substrate().host().name().equals(m.config().substrate().host().name())) {
                throw new ConfigException(field, "'" + m.bare() + "' must be the same metal on the same host with "
                        + "no single-atom sites (it is " + bare.config().metal().name() + " on "
                        + bare.config().substrate().host().name() + ", sites: " + bare.sites() + ")");
            }
        }
    }

    /** One axis, the system; runs {@code <system>-r<k>}, their seeds derived as in a sweep. */
    private static Sweep sweep(String name, int replicates, long seed, List<Member> members,
                               Map<String, ObjectNode> trees, ConfigLoader configs) {
        List<JsonNode> values = members.stream().map(m -> (JsonNode) TextNode.valueOf(m.name())).toList();
        Sweep.Axis axis = new Sweep.Axis(null, "system", values, members.stream().map(Member::name).toList());
        List<Sweep.Run> runs = new ArrayList<>();
        for (int p = 0; p < members.size(); p++) {
            String system = members.get(p).name();
            for (int r = 0; r < replicates; r++) {
                String id = system + "-r" + r;
                long runSeed = Seeds.run(seed, p, r);
                ObjectNode tree = trees.get(system).deepCopy();
                tree.put("name", name + "-" + id);
                SimulationConfig config = configs.resolve(tree, system).withSeed(runSeed);
                runs.add(new Sweep.Run(runs.size(), p, r, List.of(p), id, runSeed, config, null));
            }
        }
        return new Sweep(name, SweepDefinition.Mode.ZIP, replicates, seed, List.of(axis), -1, List.copyOf(runs));
    }
}
