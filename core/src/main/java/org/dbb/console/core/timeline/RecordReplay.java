package org.dbb.console.core.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.ExitValues;
import org.dbb.console.core.engine.JobLocation;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;

/**
 * Puts what a journal record holds into a {@link TimelineModel}: the run's state and span, stage states, every
 * recorded step with its attempts, and what can be told from it cheaply where the record is silent (a step's type
 * from its output, a skipped stage's reason from the stage that failed before it, a step a re-run reused). Stateless.
 */
final class RecordReplay {

    /** The engine's words for a stage a run never started, so a past run reads as it did live. */
    static final String RUN_CANCELLED = "run cancelled";
    static final String NOT_IN_RERUN = "not part of this re-run";

    private RecordReplay() {
    }

    static void apply(RunRecord record, TimelineModel model) {
        model.state = record.state();
        model.start = Optional.of(record.createdAt());
        model.end = record.endedAt();
        model.rerunOf = record.rerunOf();
        for (String stage : record.stageNames()) {
            model.lane(stage);
        }
        Set<StepKey> parents = parentsOfRecordedSteps(record);
        for (RunRecord.StepRecord step : record.steps().values()) {
            replay(step, model.row(step.key()), record, parents.contains(step.key()));
            if (model.workspaceId.isEmpty()) {
                model.workspaceId = step.attempts().stream().flatMap(a -> a.job().stream())
                        .map(JobLocation::workspaceId).findFirst();
            }
        }
        RecordedStageSpans spans = RecordedStageSpans.of(record);
        String failedBefore = null;
        for (LaneNode lane : model.lanes()) {
            List<RowNode> rows = model.rowsOf(lane);
            rows.forEach(row -> settleUnended(row, record));
            lane.rows.forEach(RecordReplay::widenToChildren);
            StepState recorded = record.stages().get(lane.name);
            lane.state = recorded != null ? recorded : rows.stream().anyMatch(RecordReplay::started)
                    ? StepState.RUNNING : StepState.PENDING;
            RecordedStageSpans.Span span = spans.stage(lane.name);
            lane.start = span.start();
            lane.end = span.end();
            lane.reason = reason(lane, failedBefore, record);
            if (lane.state == StepState.SUCCEEDED && record.rerunOf().isPresent() && !lane.rows.isEmpty()
                    && lane.rows.stream().allMatch(r -> r.reusedFrom.isPresent())) {
                lane.reusedFrom = record.rerunOf();
            }
            boolean notStarted = lane.state == StepState.SKIPPED || lane.state == StepState.CANCELLED;
            for (RowNode row : lane.rows) {
                if (notStarted && row.message.isEmpty() && row.state == lane.state && row.attempts.isEmpty()) {
                    row.message = lane.reason;
                    row.touched();
                }
            }
            if (recorded == StepState.FAILED && failedBefore == null) {
                failedBefore = lane.name;
            }
            lane.touched();
        }
        model.touched();
    }

    private static void replay(RunRecord.StepRecord step, RowNode row, RunRecord record, boolean hasRecordedChildren) {
        for (RunRecord.AttemptRecord attempt : step.attempts()) {
            Optional<String> jobInstanceId = attempt.job().map(JobLocation::jobInstanceId).or(attempt::refreshId);
            row.attemptStarted(attempt.attempt(), attempt.submittingAt(), jobInstanceId);
            if (attempt.endedAt().isPresent()) {
                row.attemptEnded(attempt.attempt(), attempt.submittingAt(), attempt.endedAt().get(),
                        attempt.status().orElse(AttemptStatus.FAILED), attempt.errorCode(), attempt.message(),
                        Optional.empty());
            }
            if (row.itemId.isEmpty()) {
                row.itemId = attempt.job().map(JobLocation::itemId);
            }
        }
        if (row.type.isEmpty()) {
            row.type = typeOf(step);
        }
        step.state().ifPresent(state -> row.state = state);
        step.output().flatMap(RecordReplay::exitValue).map(ExitValues::breaches).filter(b -> !b.isEmpty())
                .ifPresent(row::breaches);
        if (step.state().filter(s -> s == StepState.FAILED).isPresent()) {
            row.message = lastAttemptMessage(step);
        }
        boolean ranHere = !step.attempts().isEmpty();
        if (!ranHere && record.rerunOf().isPresent() && step.state().filter(s -> s == StepState.SUCCEEDED
                || s == StepState.FAILED).isPresent() && !hasRecordedChildren) {
            row.reusedFrom = record.rerunOf();
        }
        row.touched();
    }

    /**
     * A step the record shows no end for: running while an attempt of it (or a step under it) is open or anything
     * under it began, waiting to start otherwise.
     */
    private static void settleUnended(RowNode row, RunRecord record) {
        if (record.step(row.key).flatMap(RunRecord.StepRecord::state).isPresent()) {
            return;
        }
        if (record.step(row.key).isEmpty() && row.children.isEmpty()) {
            return;
        }
        row.state = started(row) ? StepState.RUNNING : StepState.PENDING;
        row.touched();
    }

    /**
     * The journal records the single attempt of a condition or a fan-out only when it ends, so it would show as an
     * instant at the end of everything it ran: it is widened back to the first attempt under it. Returns the
     * earliest attempt start in the row's subtree.
     */
    private static Optional<Instant> widenToChildren(RowNode row) {
        Optional<Instant> earliestChild = Optional.empty();
        for (RowNode child : row.children) {
            Optional<Instant> start = widenToChildren(child);
            if (start.isPresent() && (earliestChild.isEmpty() || start.get().isBefore(earliestChild.get()))) {
                earliestChild = start;
            }
        }
        if (row.attempts.size() == 1 && earliestChild.isPresent()
                && earliestChild.get().isBefore(row.attempts.get(0).start())) {
            AttemptSpan only = row.attempts.get(0);
            row.attempts.set(0, new AttemptSpan(only.attempt(), earliestChild.get(), only.end(), only.status(),
                    only.jobInstanceId(), only.errorCode(), only.message(), only.requestId()));
            row.touched();
        }
        Optional<Instant> own = row.attempts.isEmpty() ? Optional.empty() : Optional.of(row.attempts.get(0).start());
        if (own.isPresent() && earliestChild.isPresent()) {
            return own.get().isBefore(earliestChild.get()) ? own : earliestChild;
        }
        return own.isPresent() ? own : earliestChild;
    }

    private static boolean started(RowNode row) {
        if (row.hasOpenAttempt() || row.state == StepState.RUNNING) {
            return true;
        }
        for (RowNode child : row.children) {
            if (child.state != StepState.PENDING || started(child)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> reason(LaneNode lane, String failedBefore, RunRecord record) {
        return switch (lane.state) {
            case FAILED -> {
                List<String> failed = new ArrayList<>();
                lane.rows.stream().filter(r -> r.state == StepState.FAILED).forEach(r -> failed.add(r.key.path()));
                yield failed.isEmpty() ? Optional.empty() : Optional.of(failed + " failed");
            }
            case SKIPPED -> failedBefore != null ? Optional.of("stage " + failedBefore + " failed")
                    : record.rerunOf().isPresent() ? Optional.of(NOT_IN_RERUN) : Optional.empty();
            case CANCELLED -> lane.rows.stream().allMatch(r -> r.attempts.isEmpty() && r.children.isEmpty())
                    ? Optional.of(RUN_CANCELLED) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** The activity type the step's output gives away, or {@code ""}. */
    static String typeOf(RunRecord.StepRecord step) {
        if (step.attempts().stream().anyMatch(a -> a.refreshId().isPresent())) {
            return StepTypes.SEMANTIC_MODEL_REFRESH;
        }
        if (step.output().isEmpty()) {
            return "";
        }
        JsonNode output = step.output().get();
        if (output.has("pipelineRunId")) {
            return StepTypes.INVOKE_PIPELINE;
        }
        if (output.has("jobInstanceId")) {
            return StepTypes.TRIDENT_NOTEBOOK;
        }
        if (output.has("firstRow") || output.has("count") && output.has("value")) {
            return StepTypes.LOOKUP;
        }
        if (output.has("ifExpression")) {
            return StepTypes.IF_CONDITION;
        }
        if (output.has("itemCount") && output.has("failedItems")) {
            return StepTypes.FOR_EACH;
        }
        if (output.has("model") && (output.has("refreshId") || output.has("elapsedSeconds"))) {
            return StepTypes.SEMANTIC_MODEL_REFRESH;
        }
        if (output.size() == 2 && output.has("name") && output.has("value")) {
            return StepTypes.SET_VARIABLE;
        }
        return "";
    }

    private static Optional<JsonNode> exitValue(JsonNode output) {
        JsonNode value = output.get("exitValue");
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<String> lastAttemptMessage(RunRecord.StepRecord step) {
        if (step.attempts().isEmpty()) {
            return Optional.empty();
        }
        RunRecord.AttemptRecord last = step.attempts().get(step.attempts().size() - 1);
        return last.message().map(m -> last.errorCode().map(c -> c + ": " + m).orElse(m))
                .or(last::errorCode);
    }

    private static Set<StepKey> parentsOfRecordedSteps(RunRecord record) {
        Set<StepKey> parents = new HashSet<>();
        for (StepKey key : record.steps().keySet()) {
            String path = key.path();
            for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                if (!parents.add(new StepKey(key.stage(), path.substring(0, slash)))) {
                    break;
                }
            }
        }
        return parents;
    }
}
