package org.anodekmc.io.export;

import org.anodekmc.config.ConfigLoader;
import org.anodekmc.config.SimulationConfig;
import org.anodekmc.config.SiteConfig;
import org.anodekmc.io.RunFolder;
import org.anodekmc.io.RunReader;
import org.anodekmc.io.TrajectoryReader;
import org.anodekmc.lattice.Lattice;
import org.anodekmc.model.Species;
import org.anodekmc.observe.LatticeUnits;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A finished run seen as the species of every lattice site, frame by frame: the substrate (all layers host except the
 * top one, which holds the single-atom sites) from the trajectory header, the metal from each frame's occupancy, and
 * the species names from the run's config.resolved.yaml.
 */
final class RunDeposit implements Closeable {
    private final TrajectoryReader trajectory;
    private final List<String> names;
    private final String runName;
    private final List<String> warnings;

    private RunDeposit(TrajectoryReader trajectory, List<String> names, String runName, List<String> warnings) {
        this.trajectory = trajectory;
        this.warnings = warnings;
        this.names = names;
        this.runName = runName;
    }

    /** Opens a run folder; anything missing or inconsistent is an {@link IllegalArgumentException} saying what. */
    static RunDeposit open(Path folder) {
        RunReader run = RunReader.open(folder);
        TrajectoryReader trajectory = run.trajectory();
        try {
            Path trajectoryFile = folder.resolve(RunFolder.TRAJECTORY);
            SimulationConfig config = ConfigLoader.withBuiltInPresets().load(folder.resolve(RunFolder.CONFIG));
            List<SiteConfig> sites = config.substrate().sites();
            int siteSpecies = sites == null ? 0 : sites.size();
            for (int c = 0; c < trajectory.sizeX() * trajectory.sizeY(); c++) {
                int code = trajectory.substrate(c);
                if (code < Species.HOST || code >= Species.FIRST_SITE + siteSpecies) {
                    throw new IllegalArgumentException(trajectoryFile + " has substrate species code " + code
                            + ", which " + RunFolder.CONFIG + " does not define (it lists " + siteSpecies
                            + " single-atom species)");
                }
            }
            List<String> raw = new ArrayList<>(List.of("empty", config.metal().name(),
                    config.substrate().host().name()));
            for (int k = 0; k < siteSpecies; k++) {
                raw.add(sites.get(k).name());
            }
            raw.add(config.metal().name() + "_dead");
            String name = folder.toAbsolutePath().normalize().getFileName().toString();
            return new RunDeposit(trajectory, typeNames(raw), name, run.warnings());
        } catch (RuntimeException e) {
            trajectory.close();
            throw e;
        }
    }

    /**
     * Names as single tokens (other characters become '_'), made unique by appending the species code, so that Li
     * metal on a Li host still gives two particle types.
     */
    private static List<String> typeNames(List<String> raw) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int code = 0; code < raw.size(); code++) {
            String token = raw.get(code).strip().replaceAll("[^A-Za-z0-9._+-]", "_");
            names.add(seen.add(token) ? token : token + "_" + code);
            seen.add(names.get(code));
        }
        return names;
    }

    /** Damage that still let the run be read ({@link RunReader#warnings()}). */
    List<String> warnings() {
        return warnings;
    }

    /** The run folder's name, used to name the exported files. */
    String runName() {
        return runName;
    }

    int sizeX() {
        return trajectory.sizeX();
    }

    int sizeY() {
        return trajectory.sizeY();
    }

    int sizeZ() {
        return trajectory.sizeZ();
    }

    /**
     * The lattice's conventional constant in Å (the cube edge of sc, bcc and fcc, the basal a of hcp), from the Å
     * per layer that the trajectory records.
     */
    double latticeConstant() {
        return LatticeUnits.conventionalConstant(trajectory.lattice(), trajectory.latticeConstant());
    }

    int frames() {
        return trajectory.frames();
    }

    /** Name of a species code (index 0 is "empty"), usable as a particle type name. */
    String name(int code) {
        return names.get(code);
    }

    /** Species codes in use: 0 empty, 1 metal, 2 host, 3 + k single-atom species k, then dead metal. */
    int speciesCount() {
        return names.size();
    }

    /** Where the atoms of this run's lattice sit. */
    Coordinates coordinates() {
        return new Coordinates(trajectory.lattice(), latticeConstant());
    }

    Frame frame(int index) {
        return new Frame(index, trajectory.info(index), trajectory.frame(index), (byte) (names.size() - 1));
    }

    /** One snapshot: time, η, charge, events, and the species at every site. */
    static final class Frame {
        final int index;
        final TrajectoryReader.FrameInfo info;
        private final TrajectoryReader.Frame deposit;
        /** The export's code of dead metal: the last one, after the single-atom species. */
        private final byte deadCode;

        private Frame(int index, TrajectoryReader.FrameInfo info, TrajectoryReader.Frame deposit, byte deadCode) {
            this.index = index;
            this.info = info;
            this.deposit = deposit;
            this.deadCode = deadCode;
        }

        /** Species code of a site in the export's numbering ({@link #speciesCount()}). */
        byte species(int site) {
            byte code = deposit.species(site);
            return code == Species.DEAD ? deadCode : code;
        }

        /** Sites of the box; they are numbered layer by layer from the bottom, x fastest ({@link Lattice}). */
        int sites() {
            return deposit.lattice().sites();
        }

        /** Visits every substrate site and metal atom in the order of their numbers; empty sites are skipped. */
        void forEachAtom(AtomVisitor visitor) throws IOException {
            for (int site = 0; site < sites(); site++) {
                byte code = species(site);
                if (code != Species.EMPTY) {
                    visitor.atom(code, site);
                }
            }
        }

        /** Substrate sites plus metal atoms; empty sites are not atoms. */
        long atoms() {
            return (long) deposit.lattice().columns() * deposit.surfaceZ() + deposit.atoms();
        }
    }

    interface AtomVisitor {
        void atom(byte species, int site) throws IOException;
    }

    @Override
    public void close() {
        trajectory.close();
    }
}
