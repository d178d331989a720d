package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.journal.RunQuery;
import org.dbb.console.core.journal.RunSummary;

/** {@code dbb runs list}: the newest runs of the journal, filtered by environment and state. One per invocation. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the newest runs in the run journal, newest first; runs the console stopped in the middle"
                + " of show as INTERRUPTED.")
public final class RunsListCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ConsoleServices services;

    @Spec
    CommandSpec spec;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Only runs in this environment.")
    String env;

    @Option(names = "--status", paramLabel = "STATE",
            description = "Only runs in this state: RUNNING, SUCCEEDED, FAILED or CANCELLED.")
    String status;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "At most N runs (default: ${DEFAULT-VALUE}).")
    int limit;

    public RunsListCommand(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        Optional<RunState> state = Optional.ofNullable(status).map(this::state);
        List<RunSummary> runs = services.runJournal().list(new RunQuery(Optional.ofNullable(env), state, limit));
        PrintWriter out = spec.commandLine().getOut();
        if (runs.isEmpty()) {
            out.println("No runs" + (env == null ? "" : " in " + env) + " in the run journal ("
                    + services.databaseFile() + ").");
            return 0;
        }
        String format = "%-22s  %-8s  %-11s  %-19s  %9s  %-10s  %s%n";
        out.printf(format, "RUN", "ENV", "STATE", "STARTED", "DURATION", "OPERATOR", "NOTE");
        ZoneId zone = ZoneId.systemDefault();
        for (RunSummary run : runs) {
            String shown = run.interrupted() ? "INTERRUPTED" : run.state().name();
            String duration = run.endedAt().map(end -> Durations.text(Duration.between(run.createdAt(), end)))
                    .orElse("-");
            String note = run.failedStage().map(s -> "failed in " + s).orElse("")
                    + run.rerunOf().map(o -> (run.failedStage().isPresent() ? "; " : "") + "re-run of " + o)
                    .orElse("");
            out.printf(format, run.runId(), run.environment(), shown, WHEN.format(run.createdAt().atZone(zone)),
                    duration, run.operator(), note);
        }
        return 0;
    }

    private RunState state(String text) {
        try {
            return RunState.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--status must be RUNNING, SUCCEEDED,"
                    + " FAILED or CANCELLED, was '" + text + "'");
        }
    }
}
