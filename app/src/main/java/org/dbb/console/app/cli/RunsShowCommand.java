package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabricruns.EnvironmentFabricRuns;
import org.dbb.console.core.fabricruns.FabricRunDetail;
import org.dbb.console.core.fabricruns.FabricRunParameters;
import org.dbb.console.core.fabricruns.UnknownFabricRunException;
import org.dbb.console.core.history.RunHistory;
import org.dbb.console.core.history.RunOrigin;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;

/**
 * {@code dbb runs show}: one run from the journal with its stages, steps and every attempt: Fabric job ids,
 * refresh ids, errors. One per invocation.
 */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show one run from the run journal: its stages, steps and attempts with Fabric job ids,"
                + " refresh ids and errors.",
                "With --env, a run Fabric started (its job instance id): each stage with status, duration and"
                        + " errors, the child pipelines' activity runs and the parameters the run used."})
public final class RunsShowCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ConsoleServices services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run, as `dbb runs list` shows it: a console"
            + " run id, or with --env a Fabric job instance id.")
    String runId;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV",
            description = "The environment whose Fabric runs to look in when the journal does not hold RUN_ID.")
    String env;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Sandbox only: the scenario the in-process emulator plays (default: the built-in one).")
    Path scenarioFile;

    @Option(names = "--emulator", paramLabel = "URL",
            description = "Sandbox only: read the run from the emulator already running at URL.")
    URI emulatorUrl;

    public RunsShowCommand(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        Optional<RunRecord> recorded = services.runJournal().find(runId)
                .filter(r -> env == null || r.environment().equals(env));
        if (recorded.isPresent()) {
            return console(recorded.get());
        }
        if (env == null) {
            throw usage("run " + runId + " is not in the run journal (" + services.databaseFile() + "); for a run"
                    + " Fabric started, pass --env ENV; `dbb runs list` shows the runs");
        }
        return fabric();
    }

    private int fabric() {
        PrintWriter err = spec.commandLine().getErr();
        Workspace ws = services.workspaceLoader().open(workspace.resolve(services));
        EnvironmentSettings environment = ws.settings().environment(env).orElseThrow(() -> usage(
                "unknown environment '" + env + "'; environments of " + ws.root() + ": "
                        + String.join(", ", ws.settings().environments().keySet())));
        if (!environment.emulator() && (scenarioFile != null || emulatorUrl != null)) {
            throw usage("--scenario and --emulator apply to the sandbox only; " + env + " is a Fabric environment");
        }
        FabricRunsAccess access = new FabricRunsAccess(services, err);
        Optional<EnvironmentFabricRuns> opened = access.open(ws, environment, FabricRunsAccess.sandbox(services, ws,
                environment, scenarioFile, emulatorUrl, err), false);
        if (opened.isEmpty()) {
            return access.failure();
        }
        try (EnvironmentFabricRuns runs = opened.get()) {
            RunHistory history = new RunHistory(services.runJournal(), opened, services.clock());
            FabricRunDetail detail;
            FabricRunParameters parameters;
            try {
                detail = history.fabricDetail(runId);
                parameters = runs.parameters(detail.run().jobInstanceId());
            } catch (UnknownFabricRunException e) {
                err.println("dbb: run " + runId + " is not in the run journal, and " + e.getMessage());
                return CommandLineRunner.BAD_USAGE;
            } catch (FabricApiException e) {
                err.println("dbb: cannot read Fabric run " + runId + " of " + env + ": " + e.getMessage());
                return CommandLineRunner.ERRORS_FOUND;
            }
            new FabricRunPrinter(spec.commandLine().getOut(), ZoneId.systemDefault()).print(env, runs.describe(),
                    history.lastFabricRead().orElseGet(() -> services.clock().instant()), detail, parameters,
                    history.rerunsOf(detail.run().jobInstanceId()));
            return 0;
        }
    }

    private int console(RunRecord run) {
        PrintWriter out = spec.commandLine().getOut();
        ZoneId zone = ZoneId.systemDefault();
        out.println("Run " + run.runId() + " · " + run.environment() + " · "
                + (run.endedAt().isEmpty() ? "INTERRUPTED (the console stopped while it was going)"
                : run.state().name()));
        out.println("  started  " + WHEN.format(run.createdAt().atZone(zone)) + " by " + run.request().operator()
                + run.endedAt().map(end -> " · took " + Durations.text(Duration.between(run.createdAt(), end)))
                .orElse(""));
        run.rerunOf().ifPresent(original -> out.println("  re-run of " + (run.request().rerun()
                .map(r -> r.originalOrigin() == RunOrigin.FABRIC).orElse(false) ? "Fabric run " : "") + original
                + " (" + run.request().rerun().map(r -> r.mode() + r.stage().map(s -> " " + s).orElse(""))
                .orElse("") + ")"));
        services.runJournal().rerunsOf(List.of(run.runId())).getOrDefault(run.runId(), List.of()).forEach(r ->
                out.println("  re-run by " + r.runId() + " (" + (r.endedAt().isPresent() ? r.state().name()
                        : "INTERRUPTED") + ")"));
        if (!run.request().parameters().isEmpty()) {
            out.println("  parameters " + run.request().parameters());
        }
        for (String stage : run.stageNames()) {
            out.println();
            out.println(stage + " — " + (run.stages().containsKey(stage) ? run.stages().get(stage) : "not run"));
            run.steps().values().stream().filter(s -> s.key().stage().equals(stage)).forEach(step -> {
                out.println("  " + step.key().path() + " — " + step.state().map(Enum::name).orElse("unfinished"));
                for (RunRecord.AttemptRecord a : step.attempts()) {
                    StringBuilder line = new StringBuilder("    attempt " + a.attempt() + "  "
                            + TIME.format(a.submittingAt().atZone(zone)));
                    a.endedAt().ifPresent(end -> line.append("–").append(TIME.format(end.atZone(zone))));
                    line.append("  ").append(a.status().map(Enum::name).orElse(a.job().isPresent()
                            ? "SUBMITTED, no end recorded" : "SUBMITTING, no answer recorded"));
                    a.job().ifPresent(job -> line.append("  job ").append(job.jobInstanceId()));
                    a.refreshId().ifPresent(id -> line.append("  refresh ").append(id));
                    a.errorCode().ifPresent(code -> line.append("  ").append(code));
                    a.message().ifPresent(m -> line.append(": ").append(m));
                    out.println(line);
                }
            });
        }
        return 0;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
