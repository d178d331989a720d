package org.dbb.console.core.timeline;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.engine.RunEvent;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.plan.PlannedStage;
import org.dbb.console.core.plan.PlannedStep;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RunPlan;

/**
 * Builds the timeline of a live console run from its engine events. Every stage and every top-level step of the
 * plan is laid out up front as PENDING, so the timeline shows what will run before it runs; rows the plan cannot
 * list (fan-out items, branch activities, semantic models) appear under their parent's row on their first event, in
 * the order they first appear. Events of other runs and monitoring-row events are ignored.
 *
 * <p>Not thread-safe: confine an instance to one thread (the FX thread, fed by the event batcher). Engine listeners
 * run on engine threads, so hand events over rather than calling {@link #accept} from a listener directly.
 * {@link #timeline()} rebuilds only the rows that changed since the previous call, so calling it on every batch is
 * cheap even for fan-outs of thousands of items.
 */
public final class TimelineRecorder {

    private final TimelineModel model;

    /** The timeline of run {@code runId} of {@code plan}, before its first event. */
    public TimelineRecorder(RunPlan plan, String runId) {
        Objects.requireNonNull(plan, "plan");
        model = new TimelineModel(runId, plan.environment(), new PlanRowTypes(plan));
        model.workspaceId = Optional.of(plan.workspaceId());
        for (PlannedStage stage : plan.stages()) {
            model.lane(stage.name());
            for (PlannedStep step : stage.steps()) {
                model.row(StepKey.of(stage.name(), step.name()));
            }
        }
        model.rerunOf = plan.request().rerun().map(RerunRequest::originalRunId);
        model.notes.addAll(plan.warnings());
    }

    /**
     * The timeline of a run the console stopped in the middle of and now resumes: laid out from {@code plan} and
     * seeded with what {@code record} (its journal record) says already happened, before the resumed run's first
     * event.
     */
    public static TimelineRecorder resumed(RunPlan plan, RunRecord record) {
        Objects.requireNonNull(record, "record");
        TimelineRecorder recorder = new TimelineRecorder(plan, record.runId());
        RecordReplay.apply(record, recorder.model);
        recorder.model.workspaceId = Optional.of(plan.workspaceId());
        return recorder;
    }

    /** Applies one engine event of this run. */
    public void accept(RunEvent event) {
        Objects.requireNonNull(event, "event");
        if (!event.runId().equals(model.runId)) {
            return;
        }
        if (event instanceof RunEvent.RunStateChanged run) {
            runChanged(run);
        } else if (event instanceof RunEvent.StageStateChanged stage) {
            stageChanged(stage);
        } else if (event instanceof RunEvent.StepStateChanged step) {
            stepChanged(step);
        } else if (event instanceof RunEvent.AttemptStarted started) {
            model.row(started.step()).attemptStarted(started.attempt(), started.at(), started.jobInstanceId());
        } else if (event instanceof RunEvent.AttemptEnded ended) {
            Instant start = ended.at().minus(ended.duration());
            model.row(ended.step()).attemptEnded(ended.attempt(), start, ended.at(), ended.status(),
                    ended.errorCode(), ended.message(), ended.requestId());
        } else if (event instanceof RunEvent.Overrun overrun) {
            model.row(overrun.step()).overrun(overrun.target());
        } else if (event instanceof RunEvent.BreachesFound breaches) {
            model.row(breaches.step()).breaches(breaches.breaches());
        }
        // monitoring-row events change nothing on the timeline
    }

    /** An immutable snapshot of the timeline as it stands. */
    public RunTimeline timeline() {
        return model.timeline();
    }

    /** Attaches how long the run and its stages usually take; {@link TimelineEstimates#NONE} removes them. */
    public void estimates(TimelineEstimates estimates) {
        model.estimates(estimates);
    }

    private void runChanged(RunEvent.RunStateChanged event) {
        model.state = event.state();
        if (model.start.isEmpty() && !event.state().equals(RunState.PENDING)) {
            model.start = Optional.of(event.at());
        }
        if (event.state().isTerminal()) {
            model.end = Optional.of(event.at());
            event.message().filter(m -> event.state() != RunState.SUCCEEDED)
                    .filter(m -> !model.notes.contains(m)).ifPresent(model.notes::add);
        }
        if (event.rerunOf().isPresent()) {
            model.rerunOf = event.rerunOf();
        }
        model.touched();
    }

    private void stageChanged(RunEvent.StageStateChanged event) {
        LaneNode lane = model.lane(event.stage());
        lane.state = event.state();
        if (event.state() == StepState.RUNNING && lane.start.isEmpty()) {
            lane.start = Optional.of(event.at());
        }
        if (event.state().isTerminal() && lane.start.isPresent() && lane.end.isEmpty()) {
            lane.end = Optional.of(event.at());
        }
        lane.reason = event.reason();
        lane.reusedFrom = event.reusedFrom();
        lane.touched();
    }

    private void stepChanged(RunEvent.StepStateChanged event) {
        RowNode row = model.row(event.step());
        if (event.message().isPresent() || !event.state().isTerminal()) {
            row.message = event.message();
        }
        if (event.reusedFrom().isPresent()) {
            row.reusedFrom = event.reusedFrom();
        }
        row.state(event.state(), event.waitReason(), event.at());
    }
}
