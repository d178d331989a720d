package org.dbb.console.core.fabricruns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.dbb.console.core.fabric.FabricClient;
import org.dbb.console.core.fabric.Polling;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabric.jobs.ActivityRunQuery;
import org.dbb.console.core.fabric.jobs.JobInstance;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.stages.Stage;
import org.dbb.console.core.workspace.stages.StageLayout;

/**
 * Reads the runs Fabric started of the master pipeline (by its schedule, from the portal, through the API) and
 * shows them stage by stage, through the same clients the console runs pipelines with. Live updates are the
 * caller's: read {@link #detail} again after {@link #nextPoll()} until {@link FabricRunDetail#isTerminal()}.
 * Thread-safe; every method but {@link #nextPoll()} makes blocking HTTP calls, so call them off the UI thread.
 */
public final class FabricRunHistory {

    /** Between two reads of a live run when Fabric gives no hint: at least 1 s, 10 s by default. */
    public static final Polling LIVE_POLLING = new Polling(Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofMinutes(30));

    private final FabricClient client;
    private final Clock clock;
    private final PollAdvice advice;

    public FabricRunHistory(FabricClient client, Clock clock) {
        this(client, clock, LIVE_POLLING);
    }

    /** A history whose {@link #nextPoll()} follows {@code polling}'s floor and default instead. */
    public FabricRunHistory(FabricClient client, Clock clock, Polling polling) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.advice = new PollAdvice(clock, Objects.requireNonNull(polling, "polling"));
        this.client = Objects.requireNonNull(client, "client").alsoReportingWaitsTo(advice::waiting);
    }

    /**
     * The latest runs of the master pipeline, newest first (runs not started yet lead). Fabric keeps about the 100
     * most recent finished runs plus the active ones.
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    public List<FabricRunSummary> recent(String workspaceId, String masterPipelineId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        List<JobInstance> instances = new ArrayList<>(noted(() -> client.listJobInstances(workspaceId,
                masterPipelineId)));
        instances.sort(Comparator.comparing((JobInstance j) -> j.startTime().orElse(Instant.MAX)).reversed());
        return instances.stream().limit(limit).map(FabricRunSummary::of).toList();
    }

    /**
     * One run of the master pipeline stage by stage: each stage's top-level activities as their latest attempts
     * stand, and for Execute/Invoke Pipeline activities the child run's activities one level down.
     *
     * @param layout the master pipeline's stages, from {@code MasterStagesReader} on the repository
     */
    public FabricRunDetail detail(String workspaceId, String masterPipelineId, String jobInstanceId,
            StageLayout layout) {
        JobInstance instance = noted(() -> client.getJobInstance(workspaceId, masterPipelineId, jobInstanceId));
        advice.retryAfter(instance.retryAfter());
        Instant now = clock.instant();
        ActivityGroups runs = activityRuns(workspaceId, instance, now);
        ChildRunFinder children = new ChildRunFinder(client, workspaceId, layout, now);
        Set<String> staged = new HashSet<>();
        List<FabricStageDetail> stages = new ArrayList<>();
        boolean byTimeWindow = false;
        for (Stage stage : layout.stages()) {
            List<FabricActivityDetail> ran = new ArrayList<>();
            List<String> notRun = new ArrayList<>();
            for (Activity activity : stage.activities()) {
                staged.add(activity.name());
                Optional<FabricActivityDetail> detail = runs.detail(activity.name(), now);
                if (detail.isEmpty()) {
                    notRun.add(activity.name());
                    continue;
                }
                FabricActivityDetail withChild = noted(() -> children.find(detail.get()))
                        .map(child -> detail.get().withChild(child)).orElse(detail.get());
                byTimeWindow |= withChild.child().map(FabricChildRun::matchedByTimeWindow).orElse(false);
                ran.add(withChild);
            }
            stages.add(stage(stage, ran, notRun, instance.isTerminal(), now));
        }
        List<FabricActivityDetail> others = runs.details(now).stream()
                .filter(a -> !staged.contains(a.activityName())).toList();
        return new FabricRunDetail(FabricRunSummary.of(instance), stages, others, byTimeWindow);
    }

    /**
     * The pipeline parameters the run used, as far as Fabric reveals them, the master pipeline's declared defaults
     * for the rest.
     *
     * @param master the master pipeline as the repository declares it ({@code MasterStages.master()})
     */
    public FabricRunParameters parameters(String workspaceId, String masterPipelineId, String jobInstanceId,
            Pipeline master) {
        JobInstance instance = noted(() -> client.getJobInstance(workspaceId, masterPipelineId, jobInstanceId));
        return RunParameterReader.read(master, activityRuns(workspaceId, instance, clock.instant()));
    }

    /**
     * How long to wait before reading a live run again: the last {@code Retry-After} Fabric sent (on a job
     * instance or a throttled call), at least until a throttling ends, never under the polling floor; the polling
     * default when Fabric gave no hint.
     */
    public Duration nextPoll() {
        return advice.next();
    }

    private ActivityGroups activityRuns(String workspaceId, JobInstance instance, Instant now) {
        if (instance.startTime().isEmpty()) {
            // A run Fabric has not started has no activity runs to ask for.
            return ActivityGroups.of(List.of());
        }
        return ActivityGroups.of(noted(() -> client.queryActivityRuns(workspaceId, instance.id(),
                ActivityRunQuery.forRunStartedAt(instance.startTime().get(), now))));
    }

    private static FabricStageDetail stage(Stage stage, List<FabricActivityDetail> ran, List<String> notRun,
            boolean runEnded, Instant now) {
        FabricStageStatus status = StageStatusRule.of(ran, notRun.size(), runEnded);
        Optional<Instant> start = ran.stream().map(FabricActivityDetail::start).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
        boolean done = status != FabricStageStatus.IN_PROGRESS && status != FabricStageStatus.NOT_STARTED;
        Optional<Instant> end = done ? ran.stream().map(FabricActivityDetail::end).flatMap(Optional::stream)
                .max(Comparator.naturalOrder()) : Optional.empty();
        Optional<Duration> duration = start.map(s -> Duration.between(s, end.orElse(now)));
        return new FabricStageDetail(stage.number(), stage.name(), status, start, end, duration, ran, notRun);
    }

    /** Runs a call, remembering the {@code Retry-After} of a call that failed for good before rethrowing it. */
    private <T> T noted(Supplier<T> call) {
        try {
            return call.get();
        } catch (FabricApiException e) {
            advice.refused(e.retryAfter());
            throw e;
        }
    }
}
