package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.fabricruns.EnvironmentFabricRuns;
import org.dbb.console.core.history.HistoryQuery;
import org.dbb.console.core.history.HistorySource;
import org.dbb.console.core.history.RunHistory;
import org.dbb.console.core.history.RunHistoryEntry;
import org.dbb.console.core.history.RunHistoryStatus;
import org.dbb.console.core.history.RunOrigin;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;

/**
 * {@code dbb runs list}: the newest runs of the journal and, for an environment, the runs Fabric started of its
 * master pipeline, merged newest first. One per invocation.
 */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the newest runs, newest first: the runs the console started (from the run journal) and,"
                + " with --env, the runs Fabric started of the master pipeline (its schedule, the portal, the API).",
                "Runs the console stopped in the middle of show as INTERRUPTED; a console re-run of a Fabric run and"
                        + " the Fabric run name each other."})
public final class RunsListCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ConsoleServices services;

    @Spec
    CommandSpec spec;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Only runs in this environment; also lists"
            + " the runs Fabric started there unless --source says otherwise.")
    String env;

    @Option(names = "--source", paramLabel = "fabric|console|all",
            description = "Whose runs: the console's, Fabric's or both (default: all with --env, console without).")
    String source;

    @Option(names = "--status", paramLabel = "STATE",
            description = "Only runs standing so: NOT_STARTED, RUNNING, SUCCEEDED, FAILED, CANCELLED, DEDUPED,"
                    + " INTERRUPTED.")
    String status;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "At most N runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Sandbox only: the scenario the in-process emulator plays (default: the built-in one); it"
                    + " starts afresh, so it holds only the runs its scenario schedules.")
    Path scenarioFile;

    @Option(names = "--emulator", paramLabel = "URL",
            description = "Sandbox only: read the Fabric runs of the emulator already running at URL (see `dbb"
                    + " emulator`).")
    URI emulatorUrl;

    public RunsListCommand(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw usage("--limit must be at least 1");
        }
        Optional<RunHistoryStatus> state = Optional.ofNullable(status).map(this::state);
        boolean defaulted = source == null;
        HistorySource from = defaulted ? (env == null ? HistorySource.CONSOLE : HistorySource.ALL) : source(source);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (from.includesFabric() && env == null) {
            throw usage("--source " + source + " needs --env ENV: Fabric runs are read from one environment");
        }
        Optional<EnvironmentFabricRuns> fabric = Optional.empty();
        int exit = 0;
        String fabricNote = "";
        if (from.includesFabric()) {
            Workspace ws = services.workspaceLoader().open(workspace.resolve(services));
            EnvironmentSettings environment = ws.settings().environment(env).orElseThrow(() -> usage(
                    "unknown environment '" + env + "'; environments of " + ws.root() + ": "
                            + String.join(", ", ws.settings().environments().keySet())));
            if (!environment.emulator() && (scenarioFile != null || emulatorUrl != null)) {
                throw usage("--scenario and --emulator apply to the sandbox only; " + env + " is a Fabric"
                        + " environment");
            }
            FabricRunsAccess access = new FabricRunsAccess(services, err);
            fabric = access.open(ws, environment, FabricRunsAccess.sandbox(services, ws, environment, scenarioFile,
                    emulatorUrl, err), defaulted);
            if (fabric.isEmpty()) {
                if (!defaulted && from == HistorySource.FABRIC) {
                    return access.failure();
                }
                if (defaulted) {
                    fabricNote = "Fabric runs of " + env + " are not listed: " + access.why();
                } else {
                    exit = access.failure();
                }
                from = HistorySource.CONSOLE;
            }
        }
        try {
            RunHistory history = new RunHistory(services.runJournal(), fabric, services.clock());
            List<RunHistoryEntry> runs = history.list(new HistoryQuery(Optional.ofNullable(env), from, state,
                    limit));
            ZoneId zone = ZoneId.systemDefault();
            if (fabric.isPresent()) {
                out.println("Fabric runs of " + fabric.get().describe() + ", read at "
                        + history.lastFabricRead().map(t -> TIME.format(t.atZone(zone))).orElse("-"));
            }
            if (!fabricNote.isEmpty()) {
                err.println("dbb: " + fabricNote);
            }
            if (runs.isEmpty()) {
                out.println("No runs" + (env == null ? "" : " in " + env) + (from.includesConsole()
                        ? " in the run journal (" + services.databaseFile() + ")" : "")
                        + (from.includesFabric() ? (from.includesConsole() ? " or" : "") + " in Fabric" : "") + ".");
                return exit;
            }
            print(out, runs, zone);
            return exit;
        } finally {
            fabric.ifPresent(EnvironmentFabricRuns::close);
        }
    }

    private static void print(PrintWriter out, List<RunHistoryEntry> runs, ZoneId zone) {
        int idWidth = Math.max(22, runs.stream().mapToInt(r -> r.runId().length()).max().orElse(22));
        String format = "%-" + idWidth + "s  %-7s  %-8s  %-11s  %-19s  %9s  %-15s  %s%n";
        out.printf(format, "RUN", "SOURCE", "ENV", "STATUS", "STARTED", "DURATION", "STARTED BY", "NOTE");
        for (RunHistoryEntry run : runs) {
            out.printf(format, run.runId(), run.origin() == RunOrigin.FABRIC ? "fabric" : "console",
                    run.environment(), run.status().name(), run.start().map(s -> WHEN.format(s.atZone(zone)))
                            .orElse("-"), run.duration().map(Durations::text).orElse("-"), run.startedBy(),
                    note(run));
        }
    }

    private static String note(RunHistoryEntry run) {
        List<String> parts = new ArrayList<>();
        run.failedStage().ifPresent(s -> parts.add("failed in " + s));
        run.rerunOf().ifPresent(o -> parts.add("re-run of " + (run.rerunOfOrigin().equals(Optional.of(
                RunOrigin.FABRIC)) ? "Fabric run " : "") + o));
        if (!run.rerunBy().isEmpty()) {
            parts.add("re-run by " + String.join(", ", run.rerunBy()));
        }
        run.failure().ifPresent(f -> parts.add(f.length() <= 100 ? f : f.substring(0, 99) + "…"));
        return String.join("; ", parts);
    }

    private HistorySource source(String text) {
        try {
            return HistorySource.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("--source must be fabric, console or all, was '" + text + "'");
        }
    }

    private RunHistoryStatus state(String text) {
        try {
            return RunHistoryStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw usage("--status must be NOT_STARTED, RUNNING, SUCCEEDED, FAILED, CANCELLED, DEDUPED or"
                    + " INTERRUPTED, was '" + text + "'");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
