package org.dbb.console.app.runs;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dbb.console.core.engine.Breach;
import org.dbb.console.core.engine.RunEvent;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepState;

/** Turns the engine's events into the alerts an operator must see. Stateless; thread-safe. */
final class RunAlerts {

    private RunAlerts() {
    }

    static Optional<RunAlert> of(RunEvent event) {
        if (event instanceof RunEvent.RunStateChanged run && run.state() == RunState.FAILED) {
            return Optional.of(new RunAlert(RunAlert.Kind.RUN_FAILED, run.at(), run.runId(), Optional.empty(),
                    "Run " + run.runId() + " failed", run.message().orElse("")));
        }
        if (event instanceof RunEvent.StepStateChanged step && step.state() == StepState.FAILED) {
            return Optional.of(new RunAlert(RunAlert.Kind.STEP_FAILED, step.at(), step.runId(),
                    Optional.of(step.step()), step.step() + " failed", step.message().orElse("")
                    + (step.attempt() > 0 ? " (attempt " + step.attempt() + ")" : "")));
        }
        if (event instanceof RunEvent.Overrun overrun) {
            return Optional.of(new RunAlert(RunAlert.Kind.OVERRUN, overrun.at(), overrun.runId(),
                    Optional.of(overrun.step()), "Refresh of " + overrun.model() + " overran its target",
                    minutes(overrun.elapsed()) + " so far, target " + minutes(overrun.target())));
        }
        if (event instanceof RunEvent.BreachesFound found) {
            int n = found.breaches().size();
            return Optional.of(new RunAlert(RunAlert.Kind.BREACH, found.at(), found.runId(),
                    Optional.of(found.step()), n + " threshold breach" + (n == 1 ? "" : "es") + " in "
                    + found.step().name(),
                    found.breaches().stream().map(Breach::describe).collect(Collectors.joining("; "))));
        }
        return Optional.empty();
    }

    private static String minutes(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? s / 60 + " min " + String.format("%02d", s % 60) + " s" : s + " s";
    }
}
