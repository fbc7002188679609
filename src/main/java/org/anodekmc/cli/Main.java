package org.anodekmc.cli;

import org.anodekmc.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code kmc} command. */
@Command(name = "kmc", mixinStandardHelpOptions = true, version = "anodekmc 0.1.0",
        description = "Lattice kinetic Monte Carlo of metal nucleation and growth on single-atom-decorated hosts.",
        subcommands = {RunCommand.class, ResumeCommand.class, ValidateCommand.class, SweepCommand.class,
                PlotCommand.class, ViewCommand.class, RenderCommand.class, ExportCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int BAD_INPUT = 2;
    public static final int FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
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
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
                line.getErr().println("error: " + e.getMessage());
                return BAD_INPUT;
            }
            line.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (System.getenv("KMC_DEBUG") != null) {
                e.printStackTrace(line.getErr());
            }
            return FAILURE;
        });
        // a bad option gets one line, not the whole usage text
        cli.setParameterExceptionHandler((e, badArgs) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println("error: " + e.getMessage() + " (see " + failed.getCommandSpec().qualifiedName()
                    + " --help)");
            return BAD_INPUT;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "name a command: run, resume, validate, sweep, plot, view, render, export, bench");
    }
}
