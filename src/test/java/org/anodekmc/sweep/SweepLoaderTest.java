package org.anodekmc.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import org.anodekmc.config.ConfigException;
import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.SimulationConfig;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepLoaderTest {
    private static final SweepLoader LOADER = new SweepLoader(ConfigLoader.withBuiltInPresets());

    @TempDir
    Path tmp;

    private Sweep load(String fields) {
        return LOADER.load(SweepFiles.write(tmp, "s", fields));
    }

    private static List<Double> numbers(Sweep.Axis axis) {
        return axis.values().stream().map(JsonNode::asDouble).toList();
    }

    @Test
    void linearAndLogRangesHitTheirEndsAndAreWrittenAsDecimals() {
        Sweep s = load("""
                axes:
                  - {path: 'substrate.sites[0].bondEnergy', range: {from: 0.1, to: 0.3, steps: 3}}
                  - {path: control.currentDensity, range: {from: 0.1, to: 10, steps: 3, scale: log}}
                """);
        assertEquals(List.of(0.1, 0.2, 0.3), numbers(s.axes().get(0)));
        assertEquals(List.of("0.1", "0.2", "0.3"), s.axes().get(0).labels());
        assertEquals(List.of(0.1, 1.0, 10.0), numbers(s.axes().get(1)));
        assertEquals(9, s.runs().size());
    }

    @Test
    void gridVariesTheLastAxisFastestAndAppliesTheValuesToEachRunsConfig() {
        Sweep s = load("""
                replicates: 2
                axes:
                  - {path: temperature, values: [280, 320]}
                  - {path: 'substrate.sites[0].bondEnergy', values: [0.2, 0.4, 0.6]}
                """);
        assertEquals(6, s.points());
        assertEquals(12, s.runs().size());
        double[][] expected = {{280, 0.2}, {280, 0.4}, {280, 0.6}, {320, 0.2}, {320, 0.4}, {320, 0.6}};
        for (Sweep.Run run : s.runs()) {
            SimulationConfig c = run.config();
            assertEquals(expected[run.point()][0], c.temperature());
            assertEquals(expected[run.point()][1], c.substrate().sites().get(0).bondEnergy());
            assertEquals(0.05, c.substrate().sites().get(0).fraction(), "the rest of the site is kept");
            assertEquals(run.seed(), c.seed());
            assertEquals("s-" + run.id(), c.name());
            assertEquals(run.point() * 2 + run.replicate(), run.index());
        }
    }

    @Test
    void zipPairsTheValuesAndNeedsEqualLengths() {
        Sweep s = load("""
                mode: zip
                series: control.currentDensity
                axes:
                  - {path: temperature, values: [280, 300, 320]}
                  - {path: control.currentDensity, values: [0.5, 1.0, 2.0]}
                """);
        assertEquals(3, s.points());
        assertEquals(300, s.runs().get(1).config().temperature());
        assertEquals(1.0, s.runs().get(1).config().control().currentDensity());
        assertEquals(1, s.seriesAxis());
        ConfigException e = assertThrows(ConfigException.class, () -> load("""
                mode: zip
                axes:
                  - {path: temperature, values: [280, 300, 320]}
                  - {path: control.currentDensity, values: [0.5, 1.0]}
                """));
        assertEquals("axes[1]", e.field());
    }

    /** The engine section may be swept field by field whether the base leaves it out or sets part of it. */
    @Test
    void engineFieldsAreSweepableWithOrWithoutAnEngineSectionInTheBase() throws IOException {
        Sweep s = load("""
                axes:
                  - {path: lattice.size, values: [[16, 64, 8]]}
                  - {path: engine.threads, values: [1, 2]}
                """);
        assertEquals(List.of(1, 2), s.runs().stream().map(r -> r.config().engine().threads()).toList());
        assertEquals(2, s.mostThreadsPerRun());
        Path file = tmp.resolve("partial-engine.yaml");
        Files.writeString(file, SweepFiles.tinyBase() + "  engine: {threads: 1}\n" + """
                axes:
                  - {path: engine.windowEvents, values: [1.5, 20]}
                """);
        Sweep windows = LOADER.load(file);
        assertEquals(List.of(1.5, 20.0), windows.runs().stream().map(r -> r.config().engine().windowEvents()).toList());
    }

    @Test
    void presetFieldsAreOverriddenLikeAHandWrittenOverride() {
        Path file = tmp.resolve("preset.yaml");
        try {
            Files.writeString(file, """
                    base:
                      lattice: {size: [12, 12, 8]}
                      metal: Li
                      substrate: {host: Cu}
                      stop: {events: 100}
                    axes:
                      - {path: metal.bondEnergy, values: [0.05, 0.15]}
                    """);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SimulationConfig preset = ConfigLoader.withBuiltInPresets().fromYaml("""
                lattice: {size: [12, 12, 8]}
                metal: Li
                substrate: {host: Cu}
                stop: {events: 100}
                """, "p");
        Sweep s = LOADER.load(file);
        assertEquals(0.15, s.runs().get(1).config().metal().bondEnergy());
        assertEquals(preset.metal().atomicVolume(), s.runs().get(1).config().metal().atomicVolume());
        assertEquals("Li", s.runs().get(1).config().metal().name());
    }

    @Test
    void baseConfigMayBeAFileNextToTheSweep() throws IOException {
        Files.createDirectories(tmp.resolve("sweeps"));
        Files.writeString(tmp.resolve("base.yaml"), SweepFiles.tinyBase().replaceFirst("base:\n", "")
                .stripIndent());
        Path file = tmp.resolve("sweeps/rel.yaml");
        Files.writeString(file, """
                base: ../base.yaml
                axes: [{path: temperature, values: [300]}]
                """);
        Sweep s = LOADER.load(file);
        assertEquals(12, s.runs().get(0).config().lattice().sizeX());
        assertEquals("rel", s.name());
    }

    @Test
    void seedsAreSplitMix64OutputsOfTheMasterSeedThenOfThePointSeed() {
        long master = 42;
        SplitMix64 points = new SplitMix64(master);
        for (int p = 0; p < 50; p++) {
            long pointSeed = points.nextLong();
            SplitMix64 replicates = new SplitMix64(pointSeed);
            for (int r = 0; r < 4; r++) {
                assertEquals(replicates.nextLong(), Seeds.run(master, p, r), "point " + p + " replicate " + r);
            }
        }
        Set<Long> seen = new HashSet<>();
        for (int p = 0; p < 2000; p++) {
            for (int r = 0; r < 5; r++) {
                assertTrue(seen.add(Seeds.run(master, p, r)), "distinct seeds");
            }
        }
        assertNotEquals(Seeds.run(1, 0, 0), Seeds.run(2, 0, 0));
    }

    @Test
    void sameFileGivesTheSameSeedsAndMoreReplicatesKeepTheFirstOnes() {
        String axes = "seed: 9\naxes: [{path: temperature, values: [280, 300]}]\n";
        Sweep a = load("replicates: 2\n" + axes);
        Sweep b = load("replicates: 2\n" + axes);
        Sweep c = load("replicates: 3\n" + axes);
        assertEquals(a.runs().stream().map(Sweep.Run::seed).toList(), b.runs().stream().map(Sweep.Run::seed).toList());
        assertEquals(a.runs().get(2).seed(), c.runs().get(3).seed(), "point 1 replicate 0");
        assertNotEquals(a.runs().get(0).seed(), a.runs().get(1).seed());
    }

    /** With common seeds every point runs replicate r with point 0's seed; the replicates still differ. */
    @Test
    void commonSeedsGiveEveryPointTheSeedsOfPointZero() {
        String axes = "seed: 9\nreplicates: 2\naxes: [{path: temperature, values: [280, 300, 320]}]\n";
        Sweep own = load(axes);
        Sweep common = load("commonSeeds: true\n" + axes);
        for (Sweep.Run run : common.runs()) {
            assertEquals(Seeds.run(9, 0, run.replicate()), run.seed(), run.id());
            assertEquals(run.seed(), run.config().seed(), run.id());
        }
        assertEquals(own.runs().get(1).seed(), common.runs().get(1).seed(), "point 0 keeps its seeds");
        assertNotEquals(common.runs().get(0).seed(), common.runs().get(1).seed(), "replicates differ");
    }

    @Test
    void anInvalidValueMarksOnlyItsPoint() {
        Sweep s = load("axes: [{path: temperature, values: [300, -20]}]\n");
        assertNotNull(s.runs().get(0).config());
        assertNull(s.runs().get(1).config());
        assertTrue(s.runs().get(1).error().contains("temperature"), s.runs().get(1).error());
    }

    @Test
    void badSweepFilesNameTheField() {
        assertField("axes[0].path", "axes: [{path: metal.bondEnergyy, values: [0.1]}]\n", "metal.bondEnergy");
        assertField("axes[0].path", "axes: [{path: 'substrate.sites[3].bondEnergy', values: [0.1]}]\n",
                "substrate.sites[0]");
        assertField("axes[0].path", "axes: [{path: seed, values: [1, 2]}]\n", "replicates");
        assertField("axes[0]", "axes: [{path: temperature}]\n", "values");
        assertField("axes[0].range", "axes: [{path: temperature, range: {from: 0, to: 300, steps: 3, scale: log}}]\n",
                "above 0");
        assertField("axes[0].rnge", "axes: [{path: temperature, rnge: {from: 1, to: 3, steps: 3}}]\n", "range");
        assertField("mode", "mode: diagonal\naxes: [{path: temperature, values: [300]}]\n", "grid, zip");
        assertField("series", "series: lattice.size\naxes: [{path: temperature, values: [300]}]\n", "temperature");
        assertField("axes[0].labels", "axes: [{path: temperature, values: [300, 310], labels: [a]}]\n", "one label");
        assertField("axes[0].labels[1]", "axes: [{path: temperature, values: [300, 310], labels: [a, null]}]\n",
                "is empty");
        assertField("replicates", "replicates: 0\naxes: [{path: temperature, values: [300]}]\n", "between 1");
        assertField("axes", "replicates: 2\n", "missing");
        assertField("axes[1]", "axes: [{path: temperature, values: [300]}, null]\n", "empty");
        assertField("axes[0].range", "axes: [{path: temperature, range: {from: 280, to: 1e309, steps: 2}}]\n",
                "not a finite number");
        assertField("axes[0].range", "axes: [{path: temperature, range: {from: -1e308, to: 1e308, steps: 3}}]\n",
                "not a finite number");
    }

    private void assertField(String field, String fields, String hint) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(fields));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(hint), e.getMessage());
    }
}
