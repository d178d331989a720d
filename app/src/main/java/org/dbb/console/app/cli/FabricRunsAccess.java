package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabricruns.EnvironmentFabricRuns;
import org.dbb.console.core.plan.PlanException;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;

/**
 * Opens an environment's Fabric runs for {@code dbb runs}: the sandbox through the emulator at {@code --emulator
 * URL} or one started in-process playing {@code --scenario FILE} (the default scenario without it), a real
 * environment through its sign-in. Says why on stderr when Fabric cannot be reached. One per command invocation.
 */
final class FabricRunsAccess {

    private final ConsoleServices services;
    private final PrintWriter err;
    private int failure;
    private String why = "";

    FabricRunsAccess(ConsoleServices services, PrintWriter err) {
        this.services = services;
        this.err = err;
    }

    /** How the sandbox is reached; the options apply to the sandbox only. */
    static SandboxOptions sandbox(ConsoleServices services, Workspace ws, EnvironmentSettings environment,
                                  Path scenarioFile, URI emulatorUrl, PrintWriter err) {
        return new RunDriver(services, environment.name()).sandbox(ws, environment, scenarioFile, emulatorUrl, err);
    }

    /**
     * The environment's Fabric runs, or empty when they cannot be read; then {@link #failure()} is the exit code and
     * {@link #why()} the reason, which {@code quiet} keeps off stderr (the caller reports it its own way).
     */
    Optional<EnvironmentFabricRuns> open(Workspace ws, EnvironmentSettings environment, SandboxOptions sandbox,
                                         boolean quiet) {
        String env = environment.name();
        try {
            return Optional.of(services.runLauncher().openFabricRuns(ws, env, sandbox, Map.of()));
        } catch (SignInException e) {
            fail(CommandLineRunner.SIGN_IN_FAILED, "cannot sign in to " + env + ": " + e.getMessage()
                    + (e.failure().needsSignIn() ? " (the command line never opens a browser: give " + env
                    + " `auth: azure-cli` after `az login`, or `auth: service-principal`)" : ""), quiet);
        } catch (PlanException e) {
            fail(CommandLineRunner.ERRORS_FOUND, e.problems().stream().map(p -> p.format(Cli.currentDirectory()))
                    .reduce((a, b) -> a + System.lineSeparator() + b).orElse("the master pipeline cannot be read"),
                    quiet);
        } catch (InvalidInputException e) {
            fail(CommandLineRunner.ERRORS_FOUND, e.problems().stream().map(Problem::message).reduce((a, b) -> a
                    + "; " + b).orElse("the environment cannot be reached"), quiet);
        } catch (FabricApiException e) {
            fail(CommandLineRunner.ERRORS_FOUND, "cannot read the Fabric runs of " + env + ": " + e.getMessage(),
                    quiet);
        }
        return Optional.empty();
    }

    int failure() {
        return failure;
    }

    String why() {
        return why;
    }

    private void fail(int code, String message, boolean quiet) {
        failure = code;
        why = message;
        if (!quiet) {
            err.println("dbb: " + message);
            err.flush();
        }
    }
}
