package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.launch.PreparedRun;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;

/**
 * {@code dbb runs resume}: takes over a run the console stopped in the middle of (a crash, a kill), under the same
 * run id, without submitting any of its jobs a second time. One per invocation.
 */
@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Resume a run the console stopped in the middle of: steps that ended keep their result, jobs"
                + " it submitted are watched again instead of submitted again, and the rest runs as planned.",
                "Exit 0 succeeded, 1 failed, 2 unknown or ended run, invalid input or plan error, 3 sign-in failed,"
                        + " 130 cancelled."})
public final class RunsResumeCommand implements Callable<Integer> {

    private final ConsoleServices services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The interrupted run, as `dbb runs list` shows it.")
    String runId;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Sandbox only: the scenario the in-process emulator plays (default: the built-in one).")
    Path scenarioFile;

    @Option(names = "--emulator", paramLabel = "URL",
            description = "Sandbox only: use the emulator already running at URL (see `dbb emulator`).")
    URI emulatorUrl;

    @Option(names = "--yes", description = "Confirm resuming a run in a protected environment.")
    boolean yes;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "A securestring parameter the run was given: the console never stores their values, so"
                    + " a resume needs them again. Repeat for several.")
    List<String> params = new ArrayList<>();

    public RunsResumeCommand(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunRecord record = services.runJournal().find(runId).orElseThrow(() -> usage("run " + runId
                + " is not in the run journal (" + services.databaseFile() + "); `dbb runs list` shows the runs"));
        if (record.endedAt().isPresent()) {
            err.println("dbb: run " + runId + " already ended " + record.state() + "; only a run the console stopped"
                    + " in the middle of can resume (re-run part of it with `dbb run --rerun " + runId + "`)");
            return CommandLineRunner.BAD_USAGE;
        }
        String env = record.environment();
        Workspace ws = services.workspaceLoader().open(workspace.resolve(services));
        EnvironmentSettings environment = ws.settings().environment(env).orElseThrow(() -> usage("run " + runId
                + " ran in " + env + ", which " + ws.root() + " no longer defines"));
        if (!environment.emulator() && (scenarioFile != null || emulatorUrl != null)) {
            throw usage("--scenario and --emulator apply to the sandbox only; " + env + " is a Fabric environment");
        }
        if (environment.protectedEnv() && !yes) {
            err.println("dbb: " + env + " is a protected environment; pass --yes to resume run " + runId);
            return CommandLineRunner.BAD_USAGE;
        }
        RunRequest request = withSecureValues(record.request(), services.runJournal().withheldParameters(runId));
        RunDriver driver = new RunDriver(services, env);
        SandboxOptions sandbox = driver.sandbox(ws, environment, scenarioFile, emulatorUrl, err);
        // planned again from what the operator asked for, so the steps line up with the record's
        Optional<PreparedRun> planned = driver.prepare(ws, request, sandbox, err);
        if (planned.isEmpty()) {
            return driver.failure();
        }
        try (PreparedRun prepared = planned.get()) {
            return driver.execute(prepared, ws.settings().notificationsFor(environment),
                    listener -> prepared.resume(record, listener),
                    handle -> "Resuming run " + handle.runId() + " in " + env + " ("
                            + prepared.plan().workspaceName() + ", " + prepared.connection().endpointDescription()
                            + "), started " + record.createdAt().atZone(ZoneId.systemDefault()).toLocalDateTime()
                            .withNano(0), resumed -> {
                                Interventions interventions = new Interventions(services, err);
                                interventions.record(interventions.entry(env, AuditAction.RESUME, "run " + resumed)
                                        .withRun(resumed));
                            }, out, err);
        } catch (IllegalArgumentException e) {
            err.println("dbb: cannot resume run " + runId + ": " + e.getMessage());
            return CommandLineRunner.BAD_USAGE;
        }
    }

    /** The recorded request with the securestring values given again; each one the run had must be given. */
    private RunRequest withSecureValues(RunRequest recorded, Set<String> withheld) {
        Map<String, JsonNode> given = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw usage("--param takes NAME=VALUE, got '" + p + "'");
            }
            String name = p.substring(0, eq).strip();
            if (!withheld.contains(name)) {
                throw usage("--param " + name + ": a resume takes only the securestring parameters the run was"
                        + " given" + (withheld.isEmpty() ? " (run " + runId + " had none)" : " (" + withheld + ")"));
            }
            given.put(name, TextNode.valueOf(p.substring(eq + 1)));
        }
        List<String> missing = withheld.stream().filter(name -> !given.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw usage("run " + runId + " was given the securestring parameter(s) " + missing + ", whose values"
                    + " the console never stores; give them again with --param NAME=VALUE");
        }
        Map<String, JsonNode> parameters = new LinkedHashMap<>(recorded.parameters());
        parameters.putAll(given);
        return new RunRequest(recorded.environment(), parameters, recorded.maintenance(), recorded.models(),
                recorded.concurrency(), recorded.refreshMode(), recorded.operator(), recorded.rerun());
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
