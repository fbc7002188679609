package org.anodekmc.sweep;

import org.anodekmc.config.ConfigException;
import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.ControlConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidationSetTest {
    private static final ConfigLoader CONFIGS = ConfigLoader.withBuiltInPresets();
    private static final Path SHIPPED = Path.of("configs/validation/validation-set.yaml");

    @TempDir
    Path tmp;

    @Test
    void theShippedSetListsEveryConfigOfItsFolderEachWithACitedMeasuredValue() throws IOException {
        ValidationSet set = ValidationSet.load(SHIPPED, CONFIGS);
        Set<String> configs;
        try (Stream<Path> files = Files.list(SHIPPED.getParent())) {
            configs = files.filter(f -> !f.equals(SHIPPED)).map(ConfigLoader::baseName).collect(Collectors.toSet());
        }
        assertEquals(configs, set.members().stream().map(ValidationSet.Member::name).collect(Collectors.toSet()));
        for (ValidationSet.Member m : set.members()) {
            assertTrue(m.source().matches(".*\\(\\d{4}\\).*"), "a citation with its year: " + m.source());
            assertEquals(ControlConfig.Mode.GALVANOSTATIC, m.config().control().mode());
        }
        assertEquals(set.members().size() * set.sweep().replicates(), set.sweep().runs().size());
        assertEquals(set.sweep().runs().size(), set.sweep().runs().stream().map(Sweep.Run::seed).distinct().count(),
                "every run has its own seed");
    }

    @Test
    void spearmanRanksWithTiesAveraged() {
        // ranks 1 2 3 4 against 1 2 4 3: 1 − 6·Σd²/(n(n² − 1)) = 1 − 6·2/60
        assertEquals(0.8, ValidationReport.RankCorrelation.of(new double[]{1, 2, 3, 4},
                new double[]{10, 20, 40, 30}).rho(), 1e-12);
        // ranks 1 2.5 2.5 4 against 1 2 3 4: Pearson of the ranks, 4.5/√(4.5·5)
        assertEquals(4.5 / Math.sqrt(22.5), ValidationReport.RankCorrelation.of(new double[]{1, 2, 2, 3},
                new double[]{5, 6, 7, 8}).rho(), 1e-12);
        assertEquals(-1, ValidationReport.RankCorrelation.of(new double[]{1, 2, 3},
                new double[]{3, 2, 1}).rho(), 1e-12);
        assertTrue(Double.isNaN(ValidationReport.RankCorrelation.of(new double[]{1, 2},
                new double[]{1, 2}).rho()), "two points say nothing");
        assertTrue(Double.isNaN(ValidationReport.RankCorrelation.of(new double[]{7, 7, 7},
                new double[]{1, 2, 3}).rho()), "no order among the measured values");
    }

    private Path set(String systems) throws IOException {
        String config = """
                lattice: {size: [16, 16, 8]}
                metal: Li
                substrate: {host: Cu%s}
                control: {mode: galvanostatic, currentDensity: 1.0}
                stop: {charge: 0.0001}
                """;
        Files.writeString(tmp.resolve("bare.yaml"), config.formatted(""));
        Files.writeString(tmp.resolve("sa.yaml"), config.formatted(", sites: [{preset: Zn-CNO, perNm2: 1.0}]"));
        Files.writeString(tmp.resolve("graphene.yaml"), config.replace("host: Cu", "host: graphene").formatted(""));
        Path file = tmp.resolve("set.yaml");
        Files.writeString(file, "systems:\n" + systems);
        return file;
    }

    @Test
    void aBarePartnerOnAnotherHostIsRefusedNamingTheField() throws IOException {
        Path file = set("""
                  - {config: graphene.yaml, measuredEtaNuc: 40, source: "A (2020)", role: calibration}
                  - {config: sa.yaml, measuredEtaNuc: 8, source: "A (2020)", role: prediction, bare: graphene}
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> ValidationSet.load(file, CONFIGS));
        assertTrue(e.getMessage().startsWith("systems[1].bare: 'graphene' must be the same metal on the same host"),
                e.getMessage());
    }

    @Test
    void aMissingSourceOrRoleIsRefusedNamingTheField() throws IOException {
        Path noSource = set("  - {config: bare.yaml, measuredEtaNuc: 40, role: calibration}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ValidationSet.load(noSource, CONFIGS));
        assertTrue(e.getMessage().startsWith("systems[0].source: missing"), e.getMessage());
        Path noRole = set("  - {config: bare.yaml, measuredEtaNuc: 40, source: \"A (2020)\"}\n");
        e = assertThrows(ConfigException.class, () -> ValidationSet.load(noRole, CONFIGS));
        assertTrue(e.getMessage().startsWith("systems[0].role: missing"), e.getMessage());
    }

    @Test
    void aPotentiostaticConfigIsRefusedBecauseItHasNoNucleationOverpotential() throws IOException {
        Path file = set("  - {config: bare.yaml, measuredEtaNuc: 40, source: \"A (2020)\", role: calibration}\n");
        Files.writeString(tmp.resolve("bare.yaml"), Files.readString(tmp.resolve("bare.yaml"))
                .replace("mode: galvanostatic, currentDensity: 1.0", "mode: potentiostatic, overpotential: 0.05"));
        ConfigException e = assertThrows(ConfigException.class, () -> ValidationSet.load(file, CONFIGS));
        assertTrue(e.getMessage().startsWith("systems[0].config:") && e.getMessage().contains("galvanostatic"),
                e.getMessage());
    }
}
