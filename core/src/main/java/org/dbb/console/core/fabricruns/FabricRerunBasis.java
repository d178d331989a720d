package org.dbb.console.core.fabricruns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepKey;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.fabric.jobs.JobStatus;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RerunMode;
import org.dbb.console.core.plan.RerunRequest;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.pipeline.SetVariableDetails;

/**
 * What the console's engine reuses when it re-runs part of a run Fabric started: the run as a {@link RunRecord}
 * (each stage's and top-level activity's end, every activity's output so later stages' {@code @activity('x').output}
 * expressions resolve, and the variables the run set as far as Fabric shows them), with the stage to re-run checked
 * against the run. Immutable; thread-safe.
 *
 * @param original         the Fabric run as the engine's record of an original run; its id is the job instance id
 * @param run              the Fabric run
 * @param stage            the stage to re-run, named as the stage layout names it
 * @param variables        the variable values the reused stages leave behind
 * @param unknownVariables variables a reused SetVariable activity set whose value Fabric does not show; a re-run step
 *                         that reads one fails
 */
public record FabricRerunBasis(RunRecord original, FabricRunSummary run, String stage, Map<String, JsonNode> variables,
        List<String> unknownVariables) {

    public FabricRerunBasis {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(stage, "stage");
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        unknownVariables = List.copyOf(unknownVariables);
    }

    /**
     * The basis for re-running {@code stage} of {@code detail} ({@code mode} says whether later stages run too).
     *
     * @param master     the master pipeline as the repository declares it, for its SetVariable activities
     * @param parameters the run's parameter values, as far as Fabric reveals them
     * @throws IllegalArgumentException when the run has not ended, ran nothing, has no such stage, when a stage
     *                                  before it did not succeed (its results cannot be reused), or for
     *                                  {@link RerunMode#ONLY_FAILED}, which Fabric runs do not offer
     */
    public static FabricRerunBasis of(FabricRunDetail detail, Pipeline master, String environment, RerunMode mode,
            String stage, Map<String, JsonNode> parameters) {
        FabricRunSummary run = detail.run();
        String id = run.jobInstanceId();
        if (mode == RerunMode.ONLY_FAILED) {
            throw new IllegalArgumentException(RerunRequest.ONLY_FAILED_NOT_FOR_FABRIC);
        }
        if (!run.isTerminal()) {
            throw new IllegalArgumentException("Fabric run " + id + " is still " + run.statusText() + "; wait for it"
                    + " to end before re-running part of it");
        }
        if (run.status() == JobStatus.DEDUPED) {
            throw new IllegalArgumentException("Fabric run " + id + " was Deduped: Fabric skipped it because another"
                    + " run of the pipeline was going, so it ran nothing to re-run");
        }
        List<FabricStageDetail> stages = detail.stages();
        int target = -1;
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equalsIgnoreCase(stage.strip())) {
                target = i;
            }
        }
        if (target < 0) {
            throw new IllegalArgumentException("Fabric run " + id + " has no stage '" + stage + "'; its stages are "
                    + stages.stream().map(FabricStageDetail::name).toList());
        }
        for (int i = 0; i < target; i++) {
            FabricStageDetail earlier = stages.get(i);
            if (earlier.status() != FabricStageStatus.SUCCEEDED && earlier.status() != FabricStageStatus.SKIPPED) {
                throw new IllegalArgumentException("stage " + earlier.name() + " ended " + earlier.status()
                        + " in Fabric run " + id + ", before stage " + stages.get(target).name() + ", so its results"
                        + " cannot be reused; re-run from stage " + earlier.name() + " instead (--from-stage "
                        + earlier.name() + ")");
            }
        }
        Map<String, FabricActivityDetail> topLevel = new LinkedHashMap<>();
        stages.forEach(s -> s.activities().forEach(a -> topLevel.put(a.activityName(), a)));
        Map<String, JsonNode> known = RunVariableReader.read(master, topLevel);
        Map<String, String> setBy = new LinkedHashMap<>();
        for (Activity activity : master.activities()) {
            activity.details(SetVariableDetails.class).filter(d -> activity.type().equals("SetVariable"))
                    .ifPresent(d -> setBy.put(activity.name(), d.variableName()));
        }
        Map<String, StepState> stageStates = new LinkedHashMap<>();
        Map<StepKey, RunRecord.StepRecord> steps = new LinkedHashMap<>();
        Map<String, JsonNode> reusedVariables = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            FabricStageDetail s = stages.get(i);
            stageState(s.status()).ifPresent(state -> stageStates.put(s.name(), state));
            for (FabricActivityDetail a : s.activities()) {
                Map<String, JsonNode> set = new LinkedHashMap<>();
                Optional.ofNullable(setBy.get(a.activityName())).ifPresent(variable -> {
                    if (known.containsKey(variable)) {
                        set.put(variable, known.get(variable));
                    }
                });
                if (i < target) {
                    reusedVariables.putAll(set);
                    Optional.ofNullable(setBy.get(a.activityName())).filter(v -> !set.containsKey(v))
                            .ifPresent(unknown::add);
                }
                JsonNode output = RunJson.parse(a.outputJson());
                steps.put(StepKey.of(s.name(), a.activityName()), new RunRecord.StepRecord(
                        StepKey.of(s.name(), a.activityName()), stepState(a),
                        output.isObject() ? Optional.of(output) : Optional.empty(), set, List.of()));
            }
        }
        RunRequest request = new RunRequest(environment, parameters, false, Optional.empty(), OptionalInt.empty(),
                RefreshMode.FABRIC_PIPELINE, run.startedBy(), Optional.empty());
        Instant created = run.start().orElseThrow(() -> new IllegalArgumentException("Fabric run " + id
                + " never started, so it ran nothing to re-run"));
        RunRecord record = new RunRecord(id, request, environment, stages.stream().map(FabricStageDetail::name)
                .toList(), Optional.empty(), runState(run.status()), created, run.end(), stageStates, steps);
        return new FabricRerunBasis(record, run, stages.get(target).name(), reusedVariables, unknown);
    }

    private static Optional<StepState> stageState(FabricStageStatus status) {
        return switch (status) {
            case SUCCEEDED -> Optional.of(StepState.SUCCEEDED);
            case FAILED -> Optional.of(StepState.FAILED);
            case CANCELLED -> Optional.of(StepState.CANCELLED);
            case SKIPPED -> Optional.of(StepState.SKIPPED);
            case NOT_STARTED, IN_PROGRESS -> Optional.empty();
        };
    }

    private static Optional<StepState> stepState(FabricActivityDetail activity) {
        return switch (activity.status()) {
            case SUCCEEDED -> Optional.of(StepState.SUCCEEDED);
            case FAILED -> Optional.of(StepState.FAILED);
            case CANCELLED -> Optional.of(StepState.CANCELLED);
            case SKIPPED -> Optional.of(StepState.SKIPPED);
            case QUEUED, IN_PROGRESS, CANCELLING, UNKNOWN -> Optional.empty();
        };
    }

    private static RunState runState(JobStatus status) {
        return switch (status) {
            case COMPLETED -> RunState.SUCCEEDED;
            case FAILED -> RunState.FAILED;
            case CANCELLED, DEDUPED -> RunState.CANCELLED;
            case NOT_STARTED, IN_PROGRESS, UNKNOWN -> RunState.RUNNING;
        };
    }
}
