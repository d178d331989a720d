package org.dbb.console.core.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.Breach;
import org.dbb.console.core.engine.RunEvent;
import org.dbb.console.core.engine.RunListener;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;

/**
 * Tells the ops channel what DESIGN §1 says it must hear about: a run that failed, a step that failed after its
 * retries, a refresh that overran its target, and threshold breaches. Turns run events into notifications and hands
 * them to a sink (the dispatcher's {@code submit}, which never blocks). Called by the engine one event at a time.
 */
public final class RunNotifier implements RunListener {

    private final String environment;
    private final Consumer<Notification> sink;
    private final Map<StepKey, Instant> stepStarts = new HashMap<>();
    private final Map<StepKey, AttemptFailure> lastFailures = new HashMap<>();
    private Instant runStart;

    /** @param sink receives each notification; typically {@code dispatcher::submit} */
    public RunNotifier(String environment, Consumer<Notification> sink) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.RunStateChanged e) {
            run(e);
        } else if (event instanceof RunEvent.StepStateChanged e) {
            step(e);
        } else if (event instanceof RunEvent.AttemptEnded e && e.status() != AttemptStatus.SUCCEEDED) {
            lastFailures.put(e.step(), new AttemptFailure(e.attempt(), e.status().name(),
                    e.errorCode().orElse(null), e.message().orElse(null)));
        } else if (event instanceof RunEvent.Overrun e) {
            sink.accept(Notification.builder(Notification.Kind.REFRESH_OVERRUN, e.runId(), environment, e.model(),
                            e.at())
                    .status("Refreshing")
                    .duration(e.elapsed())
                    .targetDuration(e.target())
                    .build());
        } else if (event instanceof RunEvent.BreachesFound e && !e.breaches().isEmpty()) {
            Notification.Builder notice = Notification.builder(Notification.Kind.THRESHOLD_BREACH, e.runId(),
                    environment, e.step().path(), e.at()).status(e.breaches().size() + " breach"
                    + (e.breaches().size() == 1 ? "" : "es"));
            for (Breach b : e.breaches()) {
                notice.detail(b.table().or(b::check).orElse("check"), b.describe());
            }
            sink.accept(notice.build());
        }
    }

    private void run(RunEvent.RunStateChanged e) {
        if (e.state() == RunState.RUNNING && runStart == null) {
            runStart = e.at();
        }
        if (e.state() == RunState.FAILED) {
            Notification.Builder notice = Notification.builder(Notification.Kind.RUN_FAILED, e.runId(), environment,
                    "run", e.at()).status("Failed");
            if (runStart != null) {
                notice.duration(Duration.between(runStart, e.at()));
            }
            e.message().ifPresent(notice::errorMessage);
            sink.accept(notice.build());
        }
    }

    private void step(RunEvent.StepStateChanged e) {
        if (e.state() == StepState.RUNNING) {
            stepStarts.putIfAbsent(e.step(), e.at());
        }
        if (e.state() != StepState.FAILED) {
            return;
        }
        Notification.Builder notice = Notification.builder(Notification.Kind.STEP_FAILED, e.runId(), environment,
                e.step().stage() + " / " + e.step().path(), e.at()).status("Failed");
        Instant started = stepStarts.get(e.step());
        if (started != null) {
            notice.duration(Duration.between(started, e.at()));
        }
        AttemptFailure last = lastFailures.get(e.step());
        if (last != null) {
            notice.attempts(last.attempt());
            if (last.errorCode() != null) {
                notice.errorCode(last.errorCode());
            }
            if (last.message() != null) {
                notice.errorMessage(last.message());
            }
        } else {
            e.message().ifPresent(notice::errorMessage);
        }
        sink.accept(notice.build());
    }

    private record AttemptFailure(int attempt, String status, String errorCode, String message) {
    }
}
