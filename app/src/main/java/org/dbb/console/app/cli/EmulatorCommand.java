package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.DaemonThreads;
import org.dbb.console.core.emulator.EmulatedItem;
import org.dbb.console.core.emulator.EmulatedWorkspace;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.EnvironmentSettings;

/**
 * {@code dbb emulator}: serves the embedded Fabric, Power BI and Azure DevOps emulator on 127.0.0.1 until the
 * process is stopped, printing its URLs, the workspace ids and curl commands to try. One per invocation; blocks the
 * calling thread while it serves, its HTTP and timer threads are daemon threads of executors it owns.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Serve the Fabric, Power BI and Azure DevOps emulator of the sandbox on 127.0.0.1 until"
                + " stopped (Ctrl+C), so it can be driven with curl or any HTTP client.",
                "It seeds one workspace per environment of the workspace repository and plays a scenario file"
                        + " (durations, failures, throttling, busy models, dropped connections, expired tokens;"
                        + " format: SCENARIOS.md next to the built-in default scenario). Any bearer token is"
                        + " accepted."})
public final class EmulatorCommand implements Callable<Integer> {

    /** A fixed default port, so the printed URLs and curl commands stay the same from one run to the next. */
    static final int DEFAULT_PORT = 8765;
    /** The bearer token the printed curl commands send; the emulator accepts any. */
    static final String CURL_TOKEN = "emulator";

    private final ConsoleServices services;
    private final Serving serving;

    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Scenario file (YAML) to play. Default: the built-in default scenario, written for the"
                    + " sample workspace.")
    Path scenarioFile;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}); 0 picks a free one.")
    int port;

    @Option(names = "--time-scale", paramLabel = "X",
            description = "Real seconds per scenario second, replacing the scenario's timeScale; e.g. 0.01 turns"
                    + " a 10-minute refresh into 6 seconds.")
    Double timeScale;

    public EmulatorCommand(ConsoleServices services) {
        this(services, (emulator, stopRequested) -> stopRequested.await());
    }

    /** For tests: {@code serving} decides how long the emulator serves, instead of waiting for the JVM to stop. */
    EmulatorCommand(ConsoleServices services, Serving serving) {
        this.services = services;
        this.serving = serving;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw usage("--port must be 0-65535, was " + port);
        }
        if (timeScale != null && !(timeScale > 0 && Double.isFinite(timeScale))) {
            throw usage("--time-scale must be a number above 0 (real seconds per scenario second), was "
                    + timeScale);
        }
        Workspace repository = services.workspaceLoader().open(workspace.resolve(services));
        Scenario scenario = scenario(repository);
        if (timeScale != null) {
            scenario = scenario.withTimeScale(timeScale);
        }
        ExecutorService handlers = Executors.newFixedThreadPool(4, DaemonThreads.named("dbb-emulator-http-"));
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("dbb-emulator-timer-"));
        FabricEmulator emulator = FabricEmulator.builder(repository).scenario(scenario).port(port)
                .handlerExecutor(handlers).scheduler(timers).build();
        PrintWriter out = spec.commandLine().getOut();
        Shutdown shutdown = new Shutdown(emulator, handlers, timers, out);
        try {
            emulator.start();
        } catch (UncheckedIOException e) {
            shutdown.quietly();
            spec.commandLine().getErr().println("dbb: cannot listen on 127.0.0.1:" + port + " ("
                    + e.getCause().getMessage() + "); choose another --port, or --port 0 for a free one");
            return CommandLineRunner.ERRORS_FOUND;
        }
        printBanner(out, repository, scenario, emulator);
        // Ctrl+C and SIGTERM run shutdown hooks, and a hook is the one place to close the server cleanly then
        Thread hook = DaemonThreads.named("dbb-emulator-shutdown-").newThread(shutdown);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            serving.serve(emulator, shutdown.requested);
        } finally {
            if (!shutdown.done()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // the hook is running or about to; it stops the emulator itself
                }
                shutdown.run();
            }
        }
        return 0;
    }

    private Scenario scenario(Workspace repository) {
        return ScenarioFiles.read(services, repository, scenarioFile, spec.commandLine().getErr());
    }

    private void printBanner(PrintWriter out, Workspace repository, Scenario scenario, FabricEmulator emulator) {
        String base = emulator.baseUrl();
        out.println("DBB emulator serving Fabric, Power BI and Azure DevOps on " + base);
        out.println("  workspace repository  " + repository.root());
        out.println("  scenario              " + (scenarioFile == null ? "built-in default scenario"
                : scenarioFile.toString()) + " (time scale " + scenario.timeScale() + ")");
        out.println("  Fabric REST           " + emulator.fabricApiUrl());
        out.println("  Power BI REST         " + emulator.powerBiApiUrl());
        out.println("  Azure DevOps          " + emulator.devOpsUrl());
        out.println("  counters              " + base + "/_emulator/stats");
        out.println();
        List<EmulatedWorkspace> workspaces = emulator.workspaces();
        int width = workspaces.stream().map(EmulatedWorkspace::environment).mapToInt(String::length).max()
                .orElse(0);
        out.println("Workspaces, one per environment of " + ConsoleSettings.FILE_NAME + ":");
        for (EmulatedWorkspace ws : workspaces) {
            out.println("  " + pad(ws.environment(), width) + "  " + ws.id() + "  " + ws.displayName());
        }
        out.println();
        out.println("Try it with curl (any bearer token is accepted):");
        out.println();
        String auth = "-H \"Authorization: Bearer " + CURL_TOKEN + "\"";
        out.println("  # list the workspaces");
        out.println("  curl -s " + auth + " " + base + "/v1/workspaces");
        out.println();
        Optional<EmulatedWorkspace> sandbox = sandbox(repository, workspaces);
        String master = repository.settings().masterPipeline();
        Optional<EmulatedItem> pipeline = sandbox.flatMap(ws -> ws.item("DataPipeline", master));
        if (pipeline.isPresent()) {
            String run = base + "/v1/workspaces/" + sandbox.get().id() + "/items/" + pipeline.get().id()
                    + "/jobs/instances?jobType=Pipeline";
            out.println("  # run the master pipeline " + master + " in the " + sandbox.get().environment()
                    + " workspace: 202 Accepted, the job's URL comes back in Location");
            out.println("  LOCATION=$(curl -s -o /dev/null -D - -X POST " + auth + " \"" + run + "\" | tr -d '\\r'"
                    + " | sed -n 's/^[Ll]ocation: //p'); echo \"$LOCATION\"");
            out.println();
            out.println("  # poll the job (wait Retry-After seconds between polls) until its status is Completed,"
                    + " Failed, Cancelled or Deduped");
            out.println("  curl -s " + auth + " \"$LOCATION\"");
            out.println();
        } else {
            out.println("  # (no pipeline called " + master + " in the repository, so no run example)");
            out.println();
        }
        out.println("  # read the emulator's counters: requests per route, jobs started per item, refreshes in"
                + " flight (no token needed)");
        out.println("  curl -s " + base + "/_emulator/stats");
        out.println();
        out.println("Serving until stopped (Ctrl+C).");
    }

    /** The environment marked {@code emulator: true} (the sandbox), else the first one. */
    private static Optional<EmulatedWorkspace> sandbox(Workspace repository, List<EmulatedWorkspace> workspaces) {
        Optional<String> sandbox = repository.settings().environments().values().stream()
                .filter(EnvironmentSettings::emulator).map(EnvironmentSettings::name).findFirst();
        return sandbox.flatMap(name -> workspaces.stream().filter(ws -> ws.environment().equals(name)).findFirst())
                .or(() -> workspaces.stream().findFirst());
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** How the command spends the time it serves. Called on the command's thread. */
    @FunctionalInterface
    interface Serving {

        /**
         * Returns when serving should end; {@code stopRequested} reaches zero when the JVM is shutting down
         * (Ctrl+C, SIGTERM), after the emulator has been stopped.
         */
        void serve(FabricEmulator emulator, CountDownLatch stopRequested) throws InterruptedException;
    }

    /** Stops the emulator and its threads exactly once, from the shutdown hook or the command. Thread-safe. */
    private static final class Shutdown implements Runnable {

        private final FabricEmulator emulator;
        private final ExecutorService handlers;
        private final ScheduledExecutorService timers;
        private final PrintWriter out;
        private final AtomicBoolean started = new AtomicBoolean();
        final CountDownLatch requested = new CountDownLatch(1);

        Shutdown(FabricEmulator emulator, ExecutorService handlers, ScheduledExecutorService timers,
                PrintWriter out) {
            this.emulator = emulator;
            this.handlers = handlers;
            this.timers = timers;
            this.out = out;
        }

        @Override
        public void run() {
            if (quietly()) {
                out.println("Emulator stopped.");
            }
            requested.countDown();
        }

        /** Stops without a word; whether this call was the one that stopped it. */
        boolean quietly() {
            if (!started.compareAndSet(false, true)) {
                return false;
            }
            emulator.close();
            handlers.shutdownNow();
            timers.shutdownNow();
            return true;
        }

        boolean done() {
            return started.get();
        }
    }
}
