package org.anodekmc.cli;

import org.anodekmc.config.ConfigException;
import org.anodekmc.engine.MemoryEstimate;
import org.anodekmc.io.IoErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Entry point of the {@code kmc} command. */
@Command(name = "kmc", mixinStandardHelpOptions = true, version = "anodekmc 0.1.0",
        description = "Lattice kinetic Monte Carlo of metal nucleation and growth on single-atom-decorated hosts.",
        subcommands = {RunCommand.class, ResumeCommand.class, ValidateCommand.class, SweepCommand.class,
                ValidationCommand.class, PlotCommand.class, ViewCommand.class, RenderCommand.class, ExportCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int BAD_INPUT = 2;
    public static final int FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // a failure on another thread (the JavaFX thread) gets the same one line, not a stack trace; out of memory
        // ends the program, as it would on the main thread
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            int code = report(e, new PrintWriter(System.err, true));
            if (e instanceof OutOfMemoryError) {
                Runtime.getRuntime().halt(code);
            }
        });
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (0 done, 2 bad input, 1 anything else). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // --format EXTXYZ and --x CAPACITY alike
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // kmc run -V prints the version as kmc -V does
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().version(cli.getCommandSpec().version());
        }
        cli.setExecutionExceptionHandler((e, line, parsed) -> report(e, line.getErr()));
        // a bad option gets one line, not the whole usage text
        cli.setParameterExceptionHandler((e, badArgs) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("error: " + e.getMessage() + " (see " + failed.getCommandSpec().qualifiedName()
                    + " --help)");
            return BAD_INPUT;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            return report(e, cli.getErr());
        }
    }

    /** Prints one line for a command that failed and returns its exit code: 2 for bad input, 1 otherwise. */
    static int report(Throwable e, PrintWriter err) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                err.println("error: out of memory (this Java VM may use " + MemoryEstimate.describe(
                        Runtime.getRuntime().maxMemory()) + "); give it more with kmc --heap 16g ... (or "
                        + "KMC_JAVA_OPTS=-Xmx16g). A run stopped by this is left unfinished in its .partial folder.");
                return FAILURE;
            }
        }
        if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof UncheckedIOException u) {
            message += ": " + IoErrors.reason(u.getCause());
        }
        err.println("error: " + message);
        if (System.getenv("KMC_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return FAILURE;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a command: run, resume, validate, sweep, validation, plot, view, render, export, bench");
    }
}
