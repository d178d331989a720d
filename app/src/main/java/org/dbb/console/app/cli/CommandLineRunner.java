package org.dbb.console.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.database.DatabaseException;
import org.dbb.console.core.monitoring.MonitoringStoreException;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;

/**
 * Runs one {@code dbb} command line and maps outcomes to the documented exit codes: 0 clean, 1 errors found,
 * 2 bad usage, 3 sign-in failed (for commands that reach a service). Input problems print as {@code path:line:col: error: message}; no stack trace reaches the user.
 * Not thread-safe; use one per invocation.
 */
public final class CommandLineRunner {

    /** Exit code when the command found errors in its input. */
    public static final int ERRORS_FOUND = 1;
    /** Exit code for bad usage (unknown option, invalid option value). */
    public static final int BAD_USAGE = 2;
    /** Exit code when a service could not be reached because the environment's sign-in failed. */
    public static final int SIGN_IN_FAILED = 3;

    private final CommandLine.IFactory factory;
    private final PrintWriter out;
    private final PrintWriter err;

    public CommandLineRunner(ConsoleServices services, PrintStream out, PrintStream err) {
        this(services, out, err, new ServicesFactory(services));
    }

    /** For tests: commands are made by {@code factory}, e.g. one that gives a command a way to stop. */
    CommandLineRunner(ConsoleServices services, PrintStream out, PrintStream err, CommandLine.IFactory factory) {
        this.factory = factory;
        this.out = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        this.err = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    }

    public int run(String... args) {
        CommandLine cli = new CommandLine(new DbbCommand(), factory);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InvalidInputException invalid) {
                for (Problem p : invalid.problems()) {
                    commandLine.getErr().println(p.format(Cli.currentDirectory()));
                }
                return ERRORS_FOUND;
            }
            if (ex instanceof DatabaseException || ex instanceof MonitoringStoreException) {
                // These messages already name the file or store and the fix; the class name adds nothing.
                commandLine.getErr().println("dbb: " + ex.getMessage());
                return ERRORS_FOUND;
            }
            if (ex instanceof CommandLine.ParameterException pe) {
                commandLine.getErr().println("dbb: " + pe.getMessage());
                return BAD_USAGE;
            }
            commandLine.getErr().println("dbb: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            return ERRORS_FOUND;
        });
        int exit = cli.execute(args);
        out.flush();
        err.flush();
        return exit;
    }

    /** Builds command objects with the composition root's services passed to their constructors. */
    static final class ServicesFactory implements CommandLine.IFactory {
        private final ConsoleServices services;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        ServicesFactory(ConsoleServices services) {
            this.services = services;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(ConsoleServices.class).newInstance(services);
            } catch (NoSuchMethodException e) {
                return fallback.create(cls);
            }
        }
    }
}
