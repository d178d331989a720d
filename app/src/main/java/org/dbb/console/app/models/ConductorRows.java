package org.dbb.console.app.models;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.dbb.console.core.plan.ModelTarget;
import org.dbb.console.core.plan.RefreshDefaults;
import org.dbb.console.core.timeline.AttemptSpan;
import org.dbb.console.core.timeline.RunTimeline;
import org.dbb.console.core.timeline.StepRow;

/**
 * Reads the refresh conductor's model rows out of a run's timeline: each model's state, elapsed time against its
 * target and the number of refreshes in flight. Stateless.
 */
final class ConductorRows {

    /** The type the timeline gives a model's row under the console's refresh conductor. */
    static final String MODEL_ROW_TYPE = "SemanticModelRefresh";

    private ConductorRows() {
    }

    /**
     * The conductor as {@code timeline} shows it at {@code now}.
     *
     * @param defaults the environment's refresh step and model targets, when known; model rows are its children
     */
    static Conductor of(RunTimeline timeline, Optional<RefreshDefaults> defaults, Instant now) {
        Predicate<StepRow> model = row -> row.type().equals(MODEL_ROW_TYPE)
                || defaults.filter(d -> childOf(row, d)).isPresent();
        List<ConductorRow> rows = timeline.allSteps().stream().filter(model)
                .map(row -> row(row, defaults, now)).toList();
        int inFlight = (int) rows.stream().filter(r -> r.state() == ConductorState.REFRESHING).count();
        return new Conductor(rows, inFlight);
    }

    private static boolean childOf(StepRow row, RefreshDefaults defaults) {
        String prefix = defaults.stepPath() + "/";
        return row.key().stage().equals(defaults.stage()) && row.key().path().startsWith(prefix)
                && row.key().path().indexOf('/', prefix.length()) < 0;
    }

    private static ConductorRow row(StepRow row, Optional<RefreshDefaults> defaults, Instant now) {
        ConductorState state = switch (row.state()) {
            case PENDING -> ConductorState.QUEUED;
            case WAITING -> ConductorState.WAITING;
            case RUNNING -> ConductorState.REFRESHING;
            case SUCCEEDED -> ConductorState.DONE;
            case FAILED -> ConductorState.FAILED;
            case CANCELLED -> ConductorState.CANCELLED;
            case SKIPPED -> ConductorState.SKIPPED;
        };
        String detail = switch (state) {
            case WAITING -> row.waiting().map(w -> w.text()).orElse("waiting");
            case REFRESHING -> row.attempts().isEmpty() ? "starting"
                    : "attempt " + row.attempts().get(row.attempts().size() - 1).attempt();
            case FAILED, SKIPPED, CANCELLED -> row.message().orElse("");
            default -> "";
        };
        Optional<Duration> elapsed = elapsed(row, now);
        Optional<Duration> target = row.overrunTarget()
                .or(() -> defaults.flatMap(d -> d.model(row.label())).map(ModelTarget::target));
        boolean overrun = row.overrunTarget().isPresent()
                || elapsed.isPresent() && target.isPresent() && elapsed.get().compareTo(target.get()) > 0;
        return new ConductorRow(row.label(), state, detail, elapsed.map(DurationText::of).orElse("—"),
                target.map(DurationText::of).orElse("—"), overrun);
    }

    /** From the first attempt's start to the last one's end, or to now while it has not ended. */
    private static Optional<Duration> elapsed(StepRow row, Instant now) {
        if (row.attempts().isEmpty()) {
            return Optional.empty();
        }
        Instant start = row.attempts().get(0).start();
        AttemptSpan last = row.attempts().get(row.attempts().size() - 1);
        Instant end = row.state().isTerminal() ? last.end().orElse(now) : now;
        return Optional.of(Duration.between(start, end));
    }

    /**
     * The conductor at one moment. Immutable.
     *
     * @param rows     one per model, in timeline order
     * @param inFlight how many of them are refreshing
     */
    record Conductor(List<ConductorRow> rows, int inFlight) {
        Conductor {
            rows = List.copyOf(rows);
        }
    }
}
