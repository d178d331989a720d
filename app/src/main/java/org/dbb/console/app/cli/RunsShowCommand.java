package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.engine.RunRecord;

/**
 * {@code dbb runs show}: one run from the journal with its stages, steps and every attempt: Fabric job ids,
 * refresh ids, errors. One per invocation.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one run from the run journal: its stages, steps and attempts with Fabric job ids,"
                + " refresh ids and errors.")
public final class RunsShowCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ConsoleServices services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run, as `dbb runs list` shows it.")
    String runId;

    public RunsShowCommand(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        RunRecord run = services.runJournal().find(runId).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "run " + runId + " is not in the run journal (" + services.databaseFile()
                + "); `dbb runs list` shows the runs"));
        PrintWriter out = spec.commandLine().getOut();
        ZoneId zone = ZoneId.systemDefault();
        out.println("Run " + run.runId() + " · " + run.environment() + " · "
                + (run.endedAt().isEmpty() ? "INTERRUPTED (the console stopped while it was going)"
                : run.state().name()));
        out.println("  started  " + WHEN.format(run.createdAt().atZone(zone)) + " by " + run.request().operator()
                + run.endedAt().map(end -> " · took " + Durations.text(Duration.between(run.createdAt(), end)))
                .orElse(""));
        run.rerunOf().ifPresent(original -> out.println("  re-run of " + original + " ("
                + run.request().rerun().map(r -> r.mode() + r.stage().map(s -> " " + s).orElse("")).orElse("")
                + ")"));
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
}
