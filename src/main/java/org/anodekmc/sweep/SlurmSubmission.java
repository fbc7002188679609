package org.anodekmc.sweep;

import org.anodekmc.io.OutputFolder;
import org.anodekmc.io.RunFolder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The sbatch scripts of a sweep on a Slurm cluster, written into {@code <sweep folder>/slurm/}: {@code array.sbatch},
 * a job array whose task k runs {@code kmc sweep FILE --task k} ({@link SweepArray}), and {@code collect.sbatch},
 * which writes the tables once the array has ended. Both call the very build that wrote them (this JVM and class
 * path, by absolute paths), so every task runs the same code.
 */
public final class SlurmSubmission {
    public static final String ARRAY_SCRIPT = "array.sbatch";
    public static final String COLLECT_SCRIPT = "collect.sbatch";
    public static final String LOGS = "logs";
    private static final Pattern TIME = Pattern.compile("\\d+(:\\d+){0,2}|\\d+-\\d+(:\\d+){0,2}");
    private static final Pattern MEMORY = Pattern.compile("\\d+[KMGTkmgt]?");
    private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.,-]+");

    /**
     * What each task asks Slurm for; null fields are left to the cluster's defaults.
     *
     * @param time   Slurm's time limit format: minutes, h:mm:ss, d-hh, d-hh:mm:ss …
     * @param memory per task, Slurm's --mem format: 4G, 2000M, 2000 (megabytes)
     */
    public record Resources(String partition, String time, int cpus, String memory) {
        public Resources {
            check("--partition", partition, PARTITION);
            check("--time", time, TIME);
            check("--mem", memory, MEMORY);
            if (cpus < 1) {
                throw new IllegalArgumentException("--cpus must be at least 1, got " + cpus);
            }
        }

        private static void check(String option, String value, Pattern format) {
            if (value != null && !format.matcher(value).matches()) {
                throw new IllegalArgumentException(option + " '" + value + "' is not in Slurm's format "
                        + "(see man sbatch)");
            }
        }
    }

    /** The job ids of a submission. */
    public record Submitted(String arrayJob, String collectJob) {
    }

    private final Path folder;

    private SlurmSubmission(Path folder) {
        this.folder = folder;
    }

    /**
     * Writes both scripts for the given tasks.
     *
     * @param kmc  the command that starts this build's {@code kmc} (see {@link #thisBuild})
     * @param file the sweep file; {@code out} the sweep folder (both made absolute here)
     */
    public static SlurmSubmission write(List<String> kmc, Sweep sweep, Path file, Path out, List<Integer> tasks,
                                        int runsPerTask, Resources resources) {
        Path sweepFile = file.toAbsolutePath().normalize();
        Path folder = out.toAbsolutePath().normalize();
        Path slurm = folder.resolve(SweepArray.FOLDER);
        Path logs = slurm.resolve(LOGS);
        OutputFolder.claim(folder, OutputFolder.Kind.SWEEP);
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + logs, e);
        }
        String name = "kmc-" + sweep.name().replaceAll("[^A-Za-z0-9._-]", "_");
        List<String> sweepCommand = new ArrayList<>(kmc);
        sweepCommand.addAll(List.of("sweep", sweepFile.toString(), "--out", folder.toString()));

        String array = header(name, resources, resources.cpus(), logs.resolve("%A_%a.out"))
                + "#SBATCH --array=" + SweepArray.arraySpec(tasks) + "\n\n"
                + "# task k runs the sweep's runs k*" + runsPerTask + " to k*" + runsPerTask + "+" + (runsPerTask - 1)
                + ", each into " + SweepRunner.POINTS + "/<run>/\n"
                + "exec " + quoted(sweepCommand) + " --task \"$SLURM_ARRAY_TASK_ID\" --runs-per-task " + runsPerTask
                + " --threads " + resources.cpus() + " --quiet\n";
        String collect = header(name + "-collect", resources, 1, logs.resolve("collect_%j.out")) + "\n"
                + "exec " + quoted(sweepCommand) + " --collect\n";
        RunFolder.writeAtomically(slurm.resolve(ARRAY_SCRIPT), array);
        RunFolder.writeAtomically(slurm.resolve(COLLECT_SCRIPT), collect);
        return new SlurmSubmission(slurm);
    }

    /** The command line that starts this build of kmc: this JVM with this class path, by absolute paths. */
    public static List<String> thisBuild(String mainClass) {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "${KMC_JAVA_OPTS:-}",
                "-cp", classPath, mainClass);
    }

    public Path arrayScript() {
        return folder.resolve(ARRAY_SCRIPT);
    }

    public Path collectScript() {
        return folder.resolve(COLLECT_SCRIPT);
    }

    public Path logs() {
        return folder.resolve(LOGS);
    }

    /** Submits the array, then the collection as a job that waits for the whole array to end, however it ends. */
    public Submitted submit() {
        String array = sbatch(arrayScript().toString());
        String collect = sbatch("--dependency=afterany:" + array, collectScript().toString());
        return new Submitted(array, collect);
    }

    private static String header(String name, Resources resources, int cpus, Path log) {
        StringBuilder sb = new StringBuilder("#!/bin/bash\n# written by kmc sweep --slurm\n");
        sb.append("#SBATCH --job-name=").append(name).append('\n');
        sb.append("#SBATCH --output=").append(log).append('\n');
        sb.append("#SBATCH --cpus-per-task=").append(cpus).append('\n');
        if (resources.partition() != null) {
            sb.append("#SBATCH --partition=").append(resources.partition()).append('\n');
        }
        if (resources.time() != null) {
            sb.append("#SBATCH --time=").append(resources.time()).append('\n');
        }
        if (resources.memory() != null) {
            sb.append("#SBATCH --mem=").append(resources.memory()).append('\n');
        }
        return sb.toString();
    }

    /** Words for bash, each in single quotes, except the ${...} expansions, which bash is to split. */
    private static String quoted(List<String> words) {
        return words.stream().map(w -> w.startsWith("${") ? w : "'" + w.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }

    /** Runs sbatch --parsable and returns the job id it prints. */
    private static String sbatch(String... args) {
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run sbatch (" + e.getMessage() + "); on a machine without "
                    + "Slurm's commands, --no-submit writes the scripts only");
        }
        try {
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor() != 0 || !out.matches("\\d+(;.*)?")) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + (err.isEmpty() ? out : err));
            }
            return out.split(";")[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read what sbatch printed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for sbatch", e);
        }
    }
}
