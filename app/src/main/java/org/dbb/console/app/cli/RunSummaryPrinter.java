package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.dbb.console.core.engine.RunOutcome;
import org.dbb.console.core.engine.RunSnapshot;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepState;

/**
 * The table printed when a run ends: each stage with its state, attempts, elapsed time and the first failure,
 * then the run id and, for a failed run, the command that re-runs the failed stage. Not thread-safe.
 */
final class RunSummaryPrinter {

    private final PrintWriter out;

    RunSummaryPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(RunSnapshot snapshot, RunOutcome outcome, Map<String, Duration> stageElapsed, String environment) {
        out.println();
        out.println("Run " + outcome.runId() + " " + outcome.state() + " in " + Durations.text(outcome.duration())
                + outcome.rerunOf().map(o -> " (re-run of " + o + ")").orElse(""));
        int width = Math.max(5, snapshot.stages().stream().mapToInt(s -> s.name().length()).max().orElse(5));
        String format = "  %-" + width + "s  %-9s  %8s  %9s  %s%n";
        out.printf(format, "STAGE", "STATE", "ATTEMPTS", "ELAPSED", "NOTE");
        String failedStage = null;
        for (RunSnapshot.StageView stage : snapshot.stages()) {
            List<RunSnapshot.StepView> steps = snapshot.steps().stream()
                    .filter(s -> s.key().stage().equals(stage.name())).toList();
            int attempts = steps.stream().mapToInt(s -> s.attempts().size()).sum();
            String elapsed = stageElapsed.containsKey(stage.name()) ? Durations.text(stageElapsed.get(stage.name()))
                    : "-";
            String note = steps.stream().filter(s -> s.state() == StepState.FAILED)
                    .map(RunSummaryPrinter::failure)
                    .findFirst()
                    .or(() -> steps.stream().flatMap(s -> s.reusedFrom().stream()).findFirst()
                            .map(original -> "reused from run " + original))
                    .or(() -> stage.reason())
                    .orElse("");
            if (stage.state() == StepState.FAILED && failedStage == null) {
                failedStage = stage.name();
            }
            out.printf(format, stage.name(), stage.state(), attempts == 0 ? "-" : attempts, elapsed,
                    shorten(note, 90));
        }
        outcome.message().ifPresent(m -> out.println(m));
        if (outcome.state() == RunState.FAILED && failedStage != null) {
            out.println("Re-run the failed stage: dbb run --env " + environment + " --rerun " + outcome.runId()
                    + " --stage \"" + failedStage + "\"");
        }
        out.flush();
    }

    private static String failure(RunSnapshot.StepView step) {
        return step.key().path() + ": " + step.attempts().stream().reduce((a, b) -> b)
                .filter(a -> a.message().isPresent() || a.errorCode().isPresent())
                .map(a -> a.errorCode().map(c -> c + " ").orElse("") + a.message().orElse(""))
                .or(step::message)
                .orElse("failed");
    }

    private static String shorten(String text, int max) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
