package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.dbb.console.core.fabric.jobs.InvokeType;
import org.dbb.console.core.fabricruns.FabricActivityDetail;
import org.dbb.console.core.fabricruns.FabricChildRun;
import org.dbb.console.core.fabricruns.FabricRunDetail;
import org.dbb.console.core.fabricruns.FabricRunError;
import org.dbb.console.core.fabricruns.FabricRunParameter;
import org.dbb.console.core.fabricruns.FabricRunParameters;
import org.dbb.console.core.fabricruns.FabricStageDetail;
import org.dbb.console.core.fabricruns.FabricStageStatus;
import org.dbb.console.core.fabricruns.ParameterSource;
import org.dbb.console.core.journal.RunSummary;

/** Prints a Fabric run of the master pipeline stage by stage for {@code dbb runs show}. Stateless. */
final class FabricRunPrinter {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Marks a child run Fabric gave no id of, matched by the time it started. */
    static final String TIME_WINDOW_MARK = "≈";

    private final PrintWriter out;
    private final ZoneId zone;

    FabricRunPrinter(PrintWriter out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
    }

    void print(String environment, String source, Instant readAt, FabricRunDetail detail,
               FabricRunParameters parameters, List<RunSummary> reruns) {
        var run = detail.run();
        out.println("Fabric run " + run.jobInstanceId() + " · " + environment + " · " + run.statusText()
                + " · started by " + run.startedBy() + (run.invokeType() == InvokeType.UNKNOWN ? ""
                : " (invokeType " + run.invokeType().wireName() + ")"));
        out.println("  " + source + ", read at " + TIME.format(readAt.atZone(zone)));
        out.println("  started  " + run.start().map(s -> WHEN.format(s.atZone(zone))).orElse("not yet")
                + run.end().map(e -> " · ended " + WHEN.format(e.atZone(zone))).orElse("")
                + run.duration().map(d -> " · took " + Durations.text(d)).orElse(""));
        run.failure().ifPresent(f -> out.println("  failure  " + error(f)));
        for (RunSummary rerun : reruns) {
            out.println("  re-run by console run " + rerun.runId() + " (" + (rerun.endedAt().isPresent()
                    ? rerun.state().name() : "INTERRUPTED") + ")");
        }
        out.println();
        out.println("Parameters the run used:");
        for (FabricRunParameter p : parameters.parameters()) {
            // a secure parameter's value is never shown, whoever ran the pipeline
            String value = p.type().equalsIgnoreCase("securestring") ? "••••••"
                    : p.value().map(Object::toString).orElse("(none)");
            out.println("  " + p.name() + " = " + value + "   ("
                    + (p.source() == ParameterSource.FROM_RUN ? "from the run"
                    : "pipeline default: Fabric shows no value of this run") + ")");
        }
        for (FabricStageDetail stage : detail.stages()) {
            out.println();
            out.println("Stage " + stage.number() + " · " + stage.name() + " — " + stage.status()
                    + stage.start().map(s -> "  " + TIME.format(s.atZone(zone))
                    + stage.end().map(e -> "–" + TIME.format(e.atZone(zone))).orElse("")).orElse("")
                    + stage.duration().map(d -> " (" + Durations.text(d) + ")").orElse(""));
            stage.activities().forEach(a -> activity(a, "  "));
            if (!stage.notRun().isEmpty()) {
                out.println("  not run: " + String.join(", ", stage.notRun()));
            }
        }
        if (!detail.otherActivities().isEmpty()) {
            out.println();
            out.println("Other activity runs (inside loops and conditions):");
            detail.otherActivities().forEach(a -> activity(a, "  "));
        }
        if (detail.childMatchedByTimeWindow()) {
            out.println();
            out.println(TIME_WINDOW_MARK + " Child runs marked so were matched by time window: Fabric gave no child"
                    + " run id, so the child pipeline's run that started while the activity ran is shown (very"
                    + " likely right, not certain).");
        }
        Optional<FabricStageDetail> failed = detail.stages().stream()
                .filter(s -> s.status() == FabricStageStatus.FAILED).findFirst();
        if (failed.isPresent() && detail.isTerminal()) {
            out.println();
            out.println("Re-run its failed stage with the console: dbb run --env " + environment + " --rerun "
                    + run.jobInstanceId() + " --stage " + quoted(failed.get().name()));
        }
        out.flush();
    }

    private void activity(FabricActivityDetail a, String indent) {
        out.println(indent + a.activityName() + "  " + a.activityType() + "  " + a.statusText()
                + (a.attempts() > 1 ? "  " + a.attempts() + " runs" : "")
                + a.duration().map(d -> "  " + Durations.text(d)).orElse(""));
        a.error().ifPresent(e -> out.println(indent + "    error " + error(e)));
        a.child().ifPresent(child -> child(child, indent + "    "));
    }

    private void child(FabricChildRun child, String indent) {
        out.println(indent + "child run " + child.pipelineRunId() + child.pipelineName().map(n -> " of " + n)
                .orElse("") + (child.matchedByTimeWindow() ? "  " + TIME_WINDOW_MARK + " matched by time window"
                : ""));
        for (FabricActivityDetail a : child.activities()) {
            out.println(indent + "  " + a.activityName() + "  " + a.activityType() + "  " + a.statusText()
                    + (a.attempts() > 1 ? "  " + a.attempts() + " runs" : "")
                    + a.duration().map(d -> "  " + Durations.text(d)).orElse(""));
            a.error().ifPresent(e -> out.println(indent + "      error " + error(e)));
        }
    }

    private static String error(FabricRunError e) {
        return e.errorCode() + ": " + e.message() + e.requestId().map(id -> " (request id " + id + ")").orElse("");
    }

    private static String quoted(String name) {
        return name.contains(" ") ? "'" + name + "'" : name;
    }
}
