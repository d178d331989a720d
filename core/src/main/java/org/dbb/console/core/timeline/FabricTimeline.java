package org.dbb.console.core.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.engine.WaitReason;
import org.dbb.console.core.fabric.jobs.ActivityRunStatus;
import org.dbb.console.core.fabric.jobs.JobStatus;
import org.dbb.console.core.fabricruns.FabricActivityDetail;
import org.dbb.console.core.fabricruns.FabricChildRun;
import org.dbb.console.core.fabricruns.FabricRunDetail;
import org.dbb.console.core.fabricruns.FabricRunError;
import org.dbb.console.core.fabricruns.FabricStageDetail;
import org.dbb.console.core.fabricruns.FabricStageStatus;
import org.dbb.console.core.history.RunOrigin;

/**
 * Lays out one Fabric-started run for the timeline. Fabric reports only the latest attempt of each activity, so a
 * row carries that one attempt under the number of attempts Fabric counted. Activity runs inside conditions and
 * loops come without their container; each is put under the one container activity that was running when it
 * started, when exactly one was, and listed in the notes otherwise. Used once, by one thread.
 */
final class FabricTimeline {

    static final String MATCHED_BY_TIME_WINDOW = "matched by time window";
    static final String CHILD_BY_TIME_WINDOW_NOTE = "Fabric gave no child run id for some Execute Pipeline"
            + " activities; their child runs were matched by time window (the child pipeline's run that started"
            + " while the activity ran), which is very likely right but not certain.";
    private static final String ZERO_GUID = "00000000-0000-0000-0000-000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FabricRunDetail detail;
    private final String environment;
    private final Optional<String> workspaceId;
    private final TimelineEstimates estimates;
    private final boolean runEnded;
    /** The container rows of every stage (conditions, loops), which other activity runs may belong under. */
    private final List<Container> containers = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    FabricTimeline(FabricRunDetail detail, String environment, Optional<String> workspaceId,
            TimelineEstimates estimates) {
        this.detail = Objects.requireNonNull(detail, "detail");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.workspaceId = Objects.requireNonNull(workspaceId, "workspaceId");
        this.estimates = Objects.requireNonNull(estimates, "estimates");
        this.runEnded = detail.isTerminal();
    }

    RunTimeline build() {
        Map<String, List<Draft>> rowsByStage = new LinkedHashMap<>();
        for (FabricStageDetail stage : detail.stages()) {
            List<Draft> rows = new ArrayList<>();
            for (FabricActivityDetail activity : stage.activities()) {
                Draft row = new Draft(activity(StepKey.of(stage.name(), activity.activityName()), activity));
                activity.child().ifPresent(child -> childRun(row, child));
                if (StepTypes.isContainer(activity.activityType()) && activity.start().isPresent()) {
                    containers.add(new Container(row, activity.start().get(), activity.end()));
                }
                rows.add(row);
            }
            for (String name : stage.notRun()) {
                rows.add(new Draft(notRun(StepKey.of(stage.name(), name))));
            }
            rowsByStage.put(stage.name(), rows);
        }
        placeOtherActivities();
        if (detail.childMatchedByTimeWindow()) {
            notes.add(CHILD_BY_TIME_WINDOW_NOTE);
        }
        detail.run().failure().ifPresent(f -> notes.add(0, "Fabric reports the run failed: " + f.message()
                + " (" + f.errorCode() + ")."));
        List<StageLane> lanes = new ArrayList<>();
        String failedBefore = null;
        for (FabricStageDetail stage : detail.stages()) {
            List<StepRow> rows = rowsByStage.get(stage.name()).stream().map(Draft::build).toList();
            lanes.add(new StageLane(stage.number(), stage.name(), stageState(stage.status()), stage.start(),
                    stage.end(), estimates.stage(stage.name()), reason(stage, failedBefore), Optional.empty(),
                    rows));
            if (stage.status() == FabricStageStatus.FAILED && failedBefore == null) {
                failedBefore = stage.name();
            }
        }
        return new RunTimeline(detail.run().jobInstanceId(), RunOrigin.FABRIC, environment,
                runState(detail.run().status()), detail.run().start(), detail.run().end(), Optional.empty(),
                estimates.run(), notes, workspaceId, lanes);
    }

    private void childRun(Draft parent, FabricChildRun child) {
        for (FabricActivityDetail activity : child.activities()) {
            parent.children.add(new Draft(activity(parent.row.key().child(activity.activityName()), activity)));
        }
        if (child.matchedByTimeWindow()) {
            parent.note = Optional.of(MATCHED_BY_TIME_WINDOW + ": Fabric gave no child run id, so these are the"
                    + " activity runs of the " + child.pipelineName().orElse("child pipeline") + " run that started"
                    + " while this activity ran");
        }
    }

    private void placeOtherActivities() {
        List<String> unplaced = new ArrayList<>();
        for (FabricActivityDetail activity : detail.otherActivities()) {
            List<Container> around = activity.start().map(this::containersRunningAt).orElse(List.of());
            if (around.size() != 1) {
                unplaced.add(activity.activityName());
                continue;
            }
            Draft container = around.get(0).row;
            container.children.add(new Draft(activity(container.row.key().child(activity.activityName()),
                    activity)));
            container.note = Optional.of(MATCHED_BY_TIME_WINDOW + ": Fabric does not say which activity runs ran"
                    + " inside it, so these are the ones that started while it ran");
        }
        if (!unplaced.isEmpty()) {
            notes.add("Activity runs not shown on a stage (inside a loop or condition that could not be told, or"
                    + " left out of the stage layout): " + String.join(", ", unplaced) + ".");
        }
    }

    private List<Container> containersRunningAt(Instant at) {
        return containers.stream().filter(c -> !at.isBefore(c.start) && c.end.map(e -> !at.isAfter(e)).orElse(true))
                .toList();
    }

    private StepRow activity(StepKey key, FabricActivityDetail activity) {
        StepState state = stepState(activity.status());
        Optional<WaitReason> waiting = Optional.empty();
        List<WaitSpan> waits = List.of();
        if (state == StepState.WAITING) {
            WaitReason queued = new WaitReason(WaitReason.Kind.QUEUED_IN_FABRIC, "Fabric has queued "
                    + activity.activityName() + " and not started it yet", List.of(), Optional.empty());
            waiting = Optional.of(queued);
            waits = activity.start().map(s -> List.of(new WaitSpan(queued, s, Optional.empty()))).orElse(List.of());
        }
        List<AttemptSpan> attempts = List.of();
        if (activity.start().isPresent() && state != StepState.SKIPPED && state != StepState.WAITING) {
            Optional<FabricRunError> error = activity.error();
            attempts = List.of(new AttemptSpan(activity.attempts(), activity.start().get(), activity.end(),
                    attemptStatus(activity.status()), Optional.of(activity.activityRunId()),
                    error.map(FabricRunError::errorCode), error.map(FabricRunError::message),
                    error.flatMap(FabricRunError::requestId)));
        }
        Optional<String> itemId = activity.child().flatMap(FabricChildRun::pipelineId)
                .or(() -> activity.startsPipeline() ? invokedPipelineId(activity.inputJson()) : Optional.empty());
        return new StepRow(key, key.name(), activity.activityType(), state, waiting, attempts, waits, itemId,
                activity.error().map(FabricRunError::message), Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), List.of());
    }

    private StepRow notRun(StepKey key) {
        StepState state = runEnded ? StepState.SKIPPED : StepState.PENDING;
        Optional<String> message = runEnded ? Optional.of("Fabric reports no run of it") : Optional.empty();
        return new StepRow(key, key.name(), "", state, Optional.empty(), List.of(), List.of(), Optional.empty(),
                message, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), List.of());
    }

    /**
     * The pipeline an Invoke Pipeline activity's evaluated input names in this run's workspace. Fabric names a child
     * pipeline by its item id there; other activity types may still carry the repository's logical id (a notebook's
     * {@code notebookId}), which would link to nothing, so their items are left unknown.
     */
    private Optional<String> invokedPipelineId(String inputJson) {
        if (inputJson.isBlank()) {
            return Optional.empty();
        }
        JsonNode input;
        try {
            input = JSON.readTree(inputJson);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        String inWorkspace = input.path("workspaceId").asText("");
        if (!inWorkspace.isEmpty() && !inWorkspace.equals(ZERO_GUID)
                && !workspaceId.map(inWorkspace::equalsIgnoreCase).orElse(false)) {
            // an item of another workspace: its id alone would link to the wrong place
            return Optional.empty();
        }
        JsonNode value = input.get("pipelineId");
        if (value != null && value.isTextual() && !value.textValue().isBlank() && !value.textValue().startsWith("@")) {
            return Optional.of(value.textValue());
        }
        return Optional.empty();
    }

    private Optional<String> reason(FabricStageDetail stage, String failedBefore) {
        return switch (stage.status()) {
            case FAILED -> stage.error().map(e -> e.errorCode() + ": " + e.message());
            case SKIPPED -> Optional.of(failedBefore != null ? "stage " + failedBefore + " failed"
                    : "none of its activities ran");
            default -> Optional.empty();
        };
    }

    static RunState runState(JobStatus status) {
        return switch (status) {
            case NOT_STARTED -> RunState.PENDING;
            case IN_PROGRESS, UNKNOWN -> RunState.RUNNING;
            case COMPLETED -> RunState.SUCCEEDED;
            case FAILED, DEDUPED -> RunState.FAILED;
            case CANCELLED -> RunState.CANCELLED;
        };
    }

    static StepState stageState(FabricStageStatus status) {
        return switch (status) {
            case NOT_STARTED -> StepState.PENDING;
            case IN_PROGRESS -> StepState.RUNNING;
            case SUCCEEDED -> StepState.SUCCEEDED;
            case FAILED -> StepState.FAILED;
            case CANCELLED -> StepState.CANCELLED;
            case SKIPPED -> StepState.SKIPPED;
        };
    }

    static StepState stepState(ActivityRunStatus status) {
        return switch (status) {
            case QUEUED -> StepState.WAITING;
            case IN_PROGRESS, CANCELLING, UNKNOWN -> StepState.RUNNING;
            case SUCCEEDED -> StepState.SUCCEEDED;
            case FAILED -> StepState.FAILED;
            case CANCELLED -> StepState.CANCELLED;
            case SKIPPED -> StepState.SKIPPED;
        };
    }

    private static Optional<AttemptStatus> attemptStatus(ActivityRunStatus status) {
        return switch (status) {
            case SUCCEEDED -> Optional.of(AttemptStatus.SUCCEEDED);
            case FAILED -> Optional.of(AttemptStatus.FAILED);
            case CANCELLED -> Optional.of(AttemptStatus.CANCELLED);
            default -> Optional.empty();
        };
    }

    /** A row whose children and note are still being collected. */
    private static final class Draft {
        final StepRow row;
        final List<Draft> children = new ArrayList<>();
        Optional<String> note = Optional.empty();

        Draft(StepRow row) {
            this.row = row;
        }

        StepRow build() {
            return new StepRow(row.key(), row.label(), row.type(), row.state(), row.waiting(), row.attempts(),
                    row.waits(), row.itemId(), row.message(), row.reusedFrom(), row.breaches(), row.overrunTarget(),
                    note, children.stream().map(Draft::build).toList());
        }
    }

    /** A condition or loop activity and when it ran. */
    private record Container(Draft row, Instant start, Optional<Instant> end) {
    }
}
