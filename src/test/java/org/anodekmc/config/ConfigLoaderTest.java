package org.anodekmc.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    private final ConfigLoader loader = ConfigLoader.withBuiltInPresets();

    private static final String MINIMAL = """
            lattice: {size: [16, 16, 10]}
            metal: Li
            substrate: {host: Cu}
            stop: {events: 100}
            """;
    private static final String ZINC = MINIMAL.replace("metal: Li", "metal: Zn")
            .replace("host: Cu", "host: N-graphene");

    @Test
    void presetsAndDefaultsAreFilledIn() {
        SimulationConfig c = loader.fromYaml(MINIMAL, "minimal");
        assertEquals("minimal", c.name());
        assertEquals("Li", c.metal().name());
        assertEquals("Li", c.metal().preset());
        assertEquals(1, c.metal().charge());
        assertEquals(298.15, c.temperature());
        assertEquals(HopConfig.Law.METROPOLIS, c.hops().law());
        assertEquals(1, c.lattice().substrateLayers());
        assertTrue(c.metal().sources().containsKey("bondEnergy"));
    }

    @Test
    void choicesAreReadAndWrittenInTheirConfigSpelling() {
        SimulationConfig c = loader.fromYaml(MINIMAL + "supply: {mode: ballistic, landing: first-contact}\n"
                + "hops: {law: bond-counting}\nunits: reduced\n", "c");
        assertEquals(SupplyConfig.Mode.BALLISTIC, c.supply().mode());
        assertEquals(SupplyConfig.Landing.FIRST_CONTACT, c.supply().landing());
        assertEquals(HopConfig.Law.BOND_COUNTING, c.hops().law());
        assertEquals(SimulationConfig.UnitSystem.REDUCED, c.units());
        assertEquals(ControlConfig.Mode.GALVANOSTATIC, c.control().mode());
        String yaml = ConfigLoader.toYaml(c);
        assertTrue(yaml.contains("mode: ballistic") && yaml.contains("landing: first-contact")
                && yaml.contains("law: bond-counting") && yaml.contains("units: reduced"), yaml);
        assertEquals(c, loader.fromYaml(yaml, "c"));
        assertEquals(SupplyConfig.Mode.DIFFUSION_LIMITED, loader.fromYaml(MINIMAL
                + "supply: {mode: diffusion-limited}\n", "d").supply().mode());
    }

    @Test
    void aChoiceOutsideItsListIsRefusedWithTheAllowedSpellings() {
        for (String[] bad : new String[][]{
                {"supply: {mode: DIFFUSION_LIMITED}", "supply.mode: 'DIFFUSION_LIMITED' is not allowed; allowed: "
                        + "kinetic, ballistic, diffusion-limited"},
                {"control: {mode: Galvanostatic}", "control.mode: 'Galvanostatic' is not allowed; allowed: "
                        + "galvanostatic, potentiostatic, cycling"},
                {"hops: {law: 0}", "hops.law: '0' is not allowed; allowed: metropolis, bond-counting"},
                {"supply: {landing: [column-top]}", "supply.landing: expected one of first-contact, column-top"},
                {"supply: {mode: null}", "supply.mode: missing; allowed: kinetic, ballistic, diffusion-limited"}}) {
            ConfigException e = assertThrows(ConfigException.class, () -> loader.fromYaml(MINIMAL + bad[0], "b"));
            assertEquals(bad[1], e.getMessage());
        }
    }

    @Test
    void aNamedLatticeIsTakenAsWrittenAndUnknownNamesAreRefused() {
        assertEquals(LatticeConfig.Type.SIMPLE_CUBIC, loader.fromYaml(MINIMAL.replace("lattice: {",
                "lattice: {type: simple-cubic, "), "sc").lattice().type());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> loader.fromYaml(MINIMAL.replace("lattice: {", "lattice: {type: bcc, "), "u"));
        assertEquals("lattice.type: 'bcc' is not allowed; allowed: simple-cubic, bcc001, bcc110, fcc001, fcc111, "
                + "hcp0001, hcp1120", unknown.getMessage());
        for (LatticeConfig.Type type : LatticeConfig.Type.values()) {
            assertEquals(type, loader.fromYaml(MINIMAL.replace("lattice: {", "lattice: {type: " + type.spelling()
                    + ", substrateLayers: 2, "), "each").lattice().type());
        }
        // hcp1120's first shell reaches two layers down, into a substrate that must be as thick
        ConfigException thin = assertThrows(ConfigException.class, () -> loader.fromYaml(MINIMAL.replace(
                "lattice: {", "lattice: {type: hcp1120, "), "thin"));
        assertEquals("lattice.substrateLayers", thin.field());
        assertTrue(thin.getMessage().contains("at least 2 on hcp1120"), thin.getMessage());
        LatticeConfig prismatic = loader.fromYaml(MINIMAL.replace("lattice: {",
                "lattice: {type: hcp1120, substrateLayers: 2, cOverA: 1.856, "), "prismatic").lattice();
        assertEquals("hcp1120(c/a=1.856)", prismatic.lattice(16, 16, 10).type());
        // a c/a on a lattice that takes none is named, also when the box is given in nm (derived before validation)
        ConfigException cubicRatio = assertThrows(ConfigException.class, () -> loader.fromYaml(MINIMAL.replace(
                "lattice: {size: [16, 16, 10]}", "lattice: {sizeNm: [5, 5, 3], cOverA: 1.633}"), "ratio"));
        assertEquals("lattice.cOverA", cubicRatio.field());
        ConfigException odd = assertThrows(ConfigException.class, () -> loader.fromYaml(MINIMAL.replace(
                "lattice: {size: [16, 16, 10]}", "lattice: {type: hcp0001, size: [16, 15, 10]}"), "odd"));
        assertEquals("lattice.size", odd.field());
        assertTrue(odd.getMessage().contains("size y must be even"), odd.getMessage());
        LatticeConfig zinc = loader.fromYaml(MINIMAL.replace("lattice: {", "lattice: {type: hcp0001, cOverA: 1.856, "),
                "zinc").lattice();
        assertEquals("hcp0001(c/a=1.856)", zinc.lattice(16, 16, 10).type());
        assertNull(loader.fromYaml(MINIMAL, "li").lattice().cOverA(), "no c/a unless given or the metal's hcp");
        ConfigException cubic = assertThrows(ConfigException.class, () -> loader.fromYaml(MINIMAL.replace(
                "lattice: {", "lattice: {type: bcc110, cOverA: 1.856, "), "bcc"));
        assertEquals("lattice.cOverA", cubic.field());
    }

    /** Li and Na are bcc grown on (110), Zn hcp (0001) with its measured c/a = 4.947/2.665 Å (metals.yaml). */
    @Test
    void aConfigWithoutLatticeTypeRunsTheMetalInItsOwnCrystal() {
        LatticeConfig li = loader.fromYaml(MINIMAL, "li").lattice();
        assertEquals(LatticeConfig.Type.BCC110, li.type());
        assertNull(li.cOverA());
        assertEquals(LatticeConfig.Type.BCC110, loader.fromYaml(MINIMAL.replace("metal: Li", "metal: Na")
                .replace("host: Cu", "host: graphene"), "na").lattice().type());
        LatticeConfig zn = loader.fromYaml(ZINC, "zn").lattice();
        assertEquals(LatticeConfig.Type.HCP0001, zn.type());
        assertEquals(1.856, zn.cOverA());
        assertEquals("hcp0001(c/a=1.856)", zn.lattice(16, 16, 10).type());
        // the config's own c/a wins over the metal's
        assertEquals(1.7, loader.fromYaml(ZINC.replace("lattice: {", "lattice: {cOverA: 1.7, "), "zn").lattice()
                .cOverA());
        // a crystal the config gives the metal wins over the preset's; a metal given by its values runs on its
        // crystal, else on simple cubic
        assertEquals(LatticeConfig.Type.SIMPLE_CUBIC, loader.fromYaml(MINIMAL.replace("metal: Li",
                "metal: {preset: Li, crystal: simple-cubic}"), "li").lattice().type());
        String inline = MINIMAL.replace("metal: Li", "metal: {name: Li, charge: 1, atomicVolume: 21.6, "
                + "bondEnergy: 0.045, terraceBarrier: 0.62, schwoebelBarrier: 0, attemptFrequency: 1e13}\n"
                + "electrolyte: LiClO4-PC");
        assertEquals(LatticeConfig.Type.SIMPLE_CUBIC, loader.fromYaml(inline, "m").lattice().type());
        assertEquals(LatticeConfig.Type.BCC001, loader.fromYaml(inline.replace("attemptFrequency: 1e13}",
                "attemptFrequency: 1e13, crystal: bcc001}"), "m").lattice().type());
    }

    @Test
    void aConfigNamingALatticeRunsOnItWhateverTheMetalsCrystal() {
        for (String config : List.of(MINIMAL, ZINC)) {
            LatticeConfig sc = loader.fromYaml(config.replace("lattice: {", "lattice: {type: simple-cubic, "), "sc")
                    .lattice();
            assertEquals(LatticeConfig.Type.SIMPLE_CUBIC, sc.type());
            assertNull(sc.cOverA());
        }
        // the metal's c/a goes with its own crystal only: a named hcp0001 is ideal unless lattice.cOverA says
        LatticeConfig named = loader.fromYaml(ZINC.replace("lattice: {", "lattice: {type: hcp0001, "), "zn").lattice();
        assertEquals(LatticeConfig.Type.HCP0001, named.type());
        assertNull(named.cOverA());
    }

    /**
     * The resolved config writes the lattice the run used and no crystal in the metal block, so it reruns alike even
     * if the preset's crystal changed.
     */
    @Test
    void theResolvedConfigRecordsTheCrystalAsTheLatticeType() {
        SimulationConfig zn = loader.fromYaml(ZINC, "zn");
        String yaml = ConfigLoader.toYaml(zn);
        assertTrue(yaml.contains("type: hcp0001") && yaml.contains("cOverA: 1.856"), yaml);
        assertFalse(yaml.contains("crystal"), yaml);
        assertEquals(zn, loader.fromYaml(yaml, "zn"));
        assertEquals(yaml, ConfigLoader.toYaml(loader.fromYaml(yaml, "zn")));
        ObjectNode cubicZinc = PresetLibrary.builtIn().all(PresetLibrary.Kind.METAL).deepCopy();
        ((ObjectNode) cubicZinc.get("Zn")).put("crystal", "simple-cubic").remove("cOverA");
        ConfigLoader changed = new ConfigLoader(PresetLibrary.builtIn().replacing(PresetLibrary.Kind.METAL, cubicZinc));
        assertEquals(LatticeConfig.Type.SIMPLE_CUBIC, changed.fromYaml(ZINC, "zn").lattice().type());
        assertEquals(zn.lattice(), changed.fromYaml(yaml, "zn").lattice());
    }

    @Test
    void aBadCrystalIsRefusedNamingItsField() {
        ObjectNode metals = PresetLibrary.builtIn().all(PresetLibrary.Kind.METAL).deepCopy();
        ((ObjectNode) metals.get("Li")).put("crystal", "bcc");
        ConfigLoader badPreset = new ConfigLoader(PresetLibrary.builtIn().replacing(PresetLibrary.Kind.METAL, metals));
        ConfigException inPreset = assertThrows(ConfigException.class, () -> badPreset.fromYaml(MINIMAL, "x"));
        assertEquals("metal.crystal: 'bcc' (metal preset Li, configs/materials/metals.yaml) is not a lattice type; "
                + "allowed: simple-cubic, bcc001, bcc110, fcc001, fcc111, hcp0001, hcp1120", inPreset.getMessage());
        // a bad preset is refused even where the config names the lattice
        assertThrows(ConfigException.class, () -> badPreset.fromYaml(MINIMAL.replace("lattice: {",
                "lattice: {type: simple-cubic, "), "x"));
        ConfigException inConfig = assertThrows(ConfigException.class, () -> loader.fromYaml(MINIMAL.replace(
                "metal: Li", "metal: {preset: Li, crystal: [bcc110]}"), "x"));
        assertEquals("metal.crystal", inConfig.field());
        assertFalse(inConfig.getMessage().contains("preset Li"), inConfig.getMessage());
        for (String[] bad : new String[][]{
                {"metal: {preset: Li, cOverA: 1.8}", "metal.cOverA: only hcp0001 and hcp1120 take a c/a, the lattice is bcc110"},
                {"metal: {preset: Zn, cOverA: 2.5}", "metal.cOverA: must lie between 1.4 and 2"},
                {"metal: {preset: Zn, cOverA: tall}", "metal.cOverA: expected a number, got \"tall\""},
                {"metal: {preset: Li, crystal: null, cOverA: 1.8}", "metal.cOverA: belongs to an hcp crystal"}}) {
            ConfigException e = assertThrows(ConfigException.class, () -> loader.fromYaml(ZINC.replace("metal: Zn",
                    bad[0]), "x"));
            assertTrue(e.getMessage().startsWith(bad[1]), e.getMessage());
        }
    }

    @Test
    void overridesReplacePresetValuesAndSayWhereTheyCameFrom() {
        SimulationConfig c = loader.fromYaml(MINIMAL.replace("metal: Li", "metal: {preset: li, bondEnergy: 0.42}"),
                "o");
        assertEquals(0.42, c.metal().bondEnergy());
        assertTrue(c.metal().sources().get("bondEnergy").contains("run config"));
    }

    @Test
    void resolvedYamlLoadsBackToTheSameConfig() {
        SimulationConfig c = loader.fromYaml(MINIMAL.replace("substrate: {host: Cu}",
                "substrate: {host: Cu, sites: [{preset: Zn-CNO, fraction: 0.1}]}"), "round");
        SimulationConfig again = loader.fromYaml(ConfigLoader.toYaml(c), "round");
        assertEquals(c, again);
    }

    /** A resolved config whose bonds were derived (a DFT binding, a contact angle) resolves to the same text again. */
    @Test
    void resolvedYamlWithDerivedBondsResolvesToTheSameText() {
        String derived = MINIMAL.replace("substrate: {host: Cu}", "substrate: {host: {name: H, contactAngle: 120, "
                + "terraceBarrier: 0.6}, sites: [{preset: Zn-CNO, bindingEnergy: 2.0, perNm2: 1.0}]}");
        String once = ConfigLoader.toYaml(loader.fromYaml(derived, "round"));
        assertEquals(once, ConfigLoader.toYaml(loader.fromYaml(once, "round")));
    }

    @Test
    void unknownFieldIsNamedWithTheAllowedOnes() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.fromYaml(MINIMAL + "output: {rowz: 3}\n", "x"));
        assertEquals("output.rowz", e.field());
        assertTrue(e.getMessage().contains("rows"), e.getMessage());
    }

    @Test
    void missingNumberOfAnInlineMetalIsNamed() {
        String inline = MINIMAL.replace("metal: Li",
                "metal: {name: Li, charge: 1, atomicVolume: 20}\nelectrolyte: LiClO4-PC");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.fromYaml(inline, "x"));
        assertTrue(e.field().startsWith("metal."), e.getMessage());
    }

    @Test
    void unknownPresetListsTheAvailableOnes() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.fromYaml(MINIMAL.replace("metal: Li", "metal: Unobtainium"), "x"));
        assertEquals("metal.preset", e.field());
        assertTrue(e.getMessage().contains("Li"), e.getMessage());
    }

    @Test
    void valuesOutOfRangeAreRejected() {
        ConfigException t = assertThrows(ConfigException.class,
                () -> loader.fromYaml(MINIMAL + "temperature: -5\n", "x"));
        assertEquals("temperature", t.field());
        ConfigException law = assertThrows(ConfigException.class,
                () -> loader.fromYaml(MINIMAL + "hops: {law: teleport}\n", "x"));
        assertTrue(law.getMessage().contains("metropolis") && law.getMessage().contains("bond-counting"));
        ConfigException type = assertThrows(ConfigException.class,
                () -> loader.fromYaml(MINIMAL + "seed: seven\n", "x"));
        assertEquals("seed", type.field());
    }

    @Test
    void malformedYamlSaysWhere() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.fromYaml("lattice: [1, 2\nmetal: Li", "x"));
        assertTrue(e.getMessage().contains("malformed") && e.getMessage().contains("line"), e.getMessage());
    }

    @Test
    void scalarOverpotentialIsOneStepFromTimeZero() {
        SimulationConfig c = loader.fromYaml(MINIMAL + "control: {mode: potentiostatic, overpotential: 0.03}\n", "p");
        assertEquals(1, c.control().overpotential().size());
        assertEquals(0.03, c.control().overpotential().get(0).eta());
        assertEquals(0.0, c.control().overpotential().get(0).time());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "cycles: 3                                                                  | control.protocol",
            "protocol: [{current: 1, charge: 0.001}]                                    | control.cycles",
            "cycles: 2, protocol: [{current: 1, overpotential: 0.1, time: 1}]           | control.protocol[0]",
            "cycles: 2, protocol: [{current: 0}]                                        | control.protocol[0].time",
            "cycles: 2, protocol: [{current: -1}]                                       | control.protocol[0]",
            "cycles: 2, protocol: [{overpotential: 0.1, time: 1, cutoffPotential: 0.5}] | "
                    + "control.protocol[0].cutoffPotential",
            "cycles: 2, protocol: [{current: 1, charge: -0.001}]                        | control.protocol[0].charge",
            "cycles: 0, protocol: [{current: 1, charge: 0.001}]                         | control.cycles"})
    void badCyclingProtocolsNameTheirField(String control, String field) {
        String config = MINIMAL.replace("stop: {events: 100}\n", "") + "control: {mode: cycling, " + control + "}\n";
        ConfigException e = assertThrows(ConfigException.class, () -> loader.fromYaml(config, "x"));
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void aCyclingProtocolNeedsNoStopLimit() {
        SimulationConfig c = loader.fromYaml(MINIMAL.replace("stop: {events: 100}\n", "") + """
                control:
                  mode: cycling
                  cycles: 5
                  protocol: [{current: 1, charge: 0.001}, {current: -1, cutoffPotential: 0.5}, {current: 0, time: 1}]
                """, "c");
        assertEquals(5, c.control().cycles());
        assertEquals(-1.0, c.control().protocol().get(1).current());
        assertEquals(c, loader.fromYaml(ConfigLoader.toYaml(c), "c"));
    }

    @Test
    void cyclingFieldsBelongToCyclingOnly() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.fromYaml(MINIMAL + "control: {mode: galvanostatic, cycles: 3}\n", "x"));
        assertEquals("control.cycles", e.field());
    }

    /**
     * Sizes in nm become columns, rows and layers of the lattice, worked out by hand from the metal's atomic volume:
     * Li (21.58 Å³) on sc has a = 2.785 Å; on bcc110 the cube edge is (2·21.58)^(1/3) = 3.509 Å, columns a√2 = 4.962 Å
     * and rows a/2 = 1.754 Å apart (an even count), layers a/√2 = 2.481 Å; Zn (15.22 Å³) on hcp with c/a = 1.856 has
     * a = 2.665 Å, rows √3/2·a = 2.308 Å and layers c/2 = 2.473 Å apart.
     */
    @Test
    void aBoxGivenInNanometresBecomesSitesOfItsLattice() {
        String li = "lattice: {type: simple-cubic, sizeNm: [17.8, 17.8, 4.45]}\nmetal: Li\nsubstrate: {host: Cu}\n"
                + "stop: {events: 1}\n";
        assertEquals(List.of(64, 64, 16), loader.fromYaml(li, "sc").lattice().size());
        assertEquals(List.of(36, 102, 16), loader.fromYaml(li.replace("simple-cubic, sizeNm: [17.8, 17.8, 4.45]",
                "bcc110, sizeNm: [18, 18, 4]"), "bcc").lattice().size());
        String zn = "lattice: {type: hcp0001, cOverA: 1.856, sizeNm: [16, 15.7, 4]}\nmetal: Zn\n"
                + "substrate: {host: N-graphene}\nstop: {events: 1}\n";
        assertEquals(List.of(60, 68, 16), loader.fromYaml(zn, "zn").lattice().size());
        // the resolved config gives both and reads back the same
        SimulationConfig resolved = loader.fromYaml(zn, "zn");
        assertEquals(resolved.lattice(), loader.fromYaml(ConfigLoader.toYaml(resolved), "again").lattice());
        ConfigException contradicting = assertThrows(ConfigException.class, () -> loader.fromYaml(
                zn.replace("sizeNm", "size: [60, 60, 16], sizeNm"), "both"));
        assertEquals("lattice.size", contradicting.field());
        ConfigException bad = assertThrows(ConfigException.class, () -> loader.fromYaml(
                li.replace("[17.8, 17.8, 4.45]", "[17.8, -1, 4]"), "bad"));
        assertEquals("lattice.sizeNm", bad.field());
        // 1e9 nm at 2.78 Å a layer is 3.6e9 layers, past what an int holds (found in review: it wrapped to negative)
        ConfigException tall = assertThrows(ConfigException.class, () -> loader.fromYaml(
                li.replace("[17.8, 17.8, 4.45]", "[1, 1, 1e9]"), "tall"));
        assertEquals("lattice.sizeNm", tall.field());
        assertTrue(tall.getMessage().contains("3.59e+09 sites along one axis"), tall.getMessage());
    }

    /**
     * sizeNm in the metal's own crystal, worked out by hand: Li bcc110 (a = (2·21.58)^(1/3) = 3.508 Å) at 17.8 nm has
     * 178/4.961 = 35.9 columns, 178/1.754 = 101.5 rows (even: 102) and 40/2.480 = 16.1 layers; Na bcc110 (a =
     * (2·39.31)^(1/3) = 4.284 Å) at 20 × 20 × 4 nm has 200/6.058 = 33.0 columns, 200/2.142 = 93.4 rows (even: 94) and
     * 40/3.029 = 13.2 layers; Zn hcp0001 with its c/a 1.856 (a = 2.6655 Å) at 15.9 nm has 159/2.6655 = 59.7 columns,
     * 159/2.308 = 68.9 rows (even: 68) and 40/2.474 = 16.2 layers.
     */
    @Test
    void aBoxInNanometresIsCountedInTheMetalsOwnCrystal() {
        assertEquals(List.of(36, 102, 16), loader.fromYaml(MINIMAL.replace("size: [16, 16, 10]",
                "sizeNm: [17.8, 17.8, 4]"), "li").lattice().size());
        assertEquals(List.of(33, 94, 13), loader.fromYaml(MINIMAL.replace("size: [16, 16, 10]", "sizeNm: [20, 20, 4]")
                .replace("metal: Li", "metal: Na").replace("host: Cu", "host: graphene"), "na").lattice().size());
        assertEquals(List.of(60, 68, 16), loader.fromYaml(ZINC.replace("size: [16, 16, 10]",
                "sizeNm: [15.9, 15.9, 4]"), "zn").lattice().size());
    }
}
