package org.dbb.console.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.core.fabric.jobs.ActivityRun;
import org.dbb.console.core.fabric.jobs.ActivityRunError;
import org.dbb.console.core.fabric.jobs.ActivityRunStatus;
import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.monitoring.rules.MonitoringRuleCheck;
import org.dbb.console.core.monitoring.rules.RuleBreach;
import org.dbb.console.core.plan.PlannedStage;
import org.dbb.console.core.plan.PlannedStep;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.StepAction;

/**
 * One run of a plan: walks the stages in order, keeps the run's state, and is the only place events, journal
 * entries and monitoring rows are produced. Every method except the {@link RunHandle} ones runs on the run's
 * {@link SerialExecutor}; the handle methods hand their work to it.
 */
final class RunExecution implements RunHandle {

    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);
    /** Fabric usually ends a cancelled job within seconds; after this (environment time) the console stops waiting. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(120);
    private static final Duration MIN_CANCEL_GRACE = Duration.ofSeconds(1);
    static final String RECORDED_BEFORE_STOP = "recorded before the console stopped";

    private final EngineServices services;
    private final RunPlan plan;
    private final String runId;
    private final Optional<RerunScope> rerun;
    private final RunListener listener;
    private final SerialExecutor serial;
    private final StateBoard board;
    private final StepRunner steps;
    private final CompletableFuture<RunOutcome> completion = new CompletableFuture<>();
    private final Map<String, JsonNode> variables = new HashMap<>();
    private final Map<String, StepState> topLevel = new HashMap<>();
    private final Set<Cancellable> inFlight = new LinkedHashSet<>();
    /** The monitoring rows stored for this run (including, for a resumed run, before the console stopped). */
    private final Map<RowMark, Long> rowsWritten = new HashMap<>();
    private final List<MonitoringRow> unrecordedRows = new ArrayList<>();
    /** Every row of this run stored so far, by this console or (for a resumed run) the one that stopped. */
    private final List<MonitoringRow> runRows = new ArrayList<>();
    private final List<StepKey> failedSteps = new ArrayList<>();
    private final Scope root;
    private volatile RunState state = RunState.PENDING;
    private volatile boolean cancelling;
    private volatile int refreshCap;
    private Instant startedAt;
    private String failedStage;
    /** The journal's record of this run when a console took it over after an earlier one stopped mid-run. */
    private final Optional<RunRecord> resumed;

    RunExecution(EngineServices services, RunPlan plan, String runId, Optional<RerunScope> rerun,
            RunListener listener) {
        this(services, plan, runId, rerun, listener, Optional.empty());
    }

    RunExecution(EngineServices services, RunPlan plan, String runId, Optional<RerunScope> rerun,
            RunListener listener, Optional<RunRecord> resumed) {
        this.resumed = resumed;
        this.services = services;
        this.plan = plan;
        this.runId = runId;
        this.rerun = rerun;
        this.listener = listener;
        this.serial = new SerialExecutor(services.scheduler());
        this.board = new StateBoard(runId, plan);
        this.steps = new StepRunner(this);
        this.root = Scope.root(this);
        this.startedAt = services.clock().instant();
    }

    void start() {
        serial.execute(this::begin);
    }

    // RunHandle

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public RunState state() {
        return state;
    }

    @Override
    public CompletableFuture<RunOutcome> completion() {
        return completion;
    }

    @Override
    public void cancel() {
        serial.execute(() -> {
            if (state.isTerminal() || cancelling) {
                return;
            }
            cancelling = true;
            LOG.info("Cancelling run {}", runId);
            for (Cancellable c : List.copyOf(inFlight)) {
                c.cancel();
            }
        });
    }

    @Override
    public void setRefreshConcurrency(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("the refresh concurrency must be at least 1, was " + cap);
        }
        refreshCap = cap;
        serial.execute(() -> steps.refreshCapChanged(cap));
    }

    @Override
    public OptionalInt refreshConcurrency() {
        int set = refreshCap;
        if (set > 0) {
            return OptionalInt.of(set);
        }
        return plan.stages().stream().flatMap(s -> s.steps().stream()).flatMap(RunExecution::refreshes)
                .mapToInt(StepAction.SemanticRefresh::cap).findFirst();
    }

    private static Stream<StepAction.SemanticRefresh> refreshes(PlannedStep step) {
        if (step.action() instanceof StepAction.SemanticRefresh refresh) {
            return Stream.of(refresh);
        }
        if (step.action() instanceof StepAction.Condition condition) {
            return Stream.concat(condition.ifTrue().stream(), condition.ifFalse().stream())
                    .flatMap(RunExecution::refreshes);
        }
        if (step.action() instanceof StepAction.FanOut fanOut) {
            return fanOut.steps().stream().flatMap(RunExecution::refreshes);
        }
        return Stream.empty();
    }

    @Override
    public RunSnapshot snapshot() {
        return board.snapshot(state);
    }

    // What step runners use

    RunPlan plan() {
        return plan;
    }

    Map<String, JsonNode> variables() {
        return variables;
    }

    Instant startedAt() {
        return startedAt;
    }

    Clock clock() {
        return services.clock();
    }

    Instant now() {
        return services.clock().instant();
    }

    EngineServices services() {
        return services;
    }

    SerialExecutor serial() {
        return serial;
    }

    StepRunner steps() {
        return steps;
    }

    boolean isCancelling() {
        return cancelling;
    }

    /** The cap an operator set during the run, or 0 when none was set. */
    int refreshCapOverride() {
        return refreshCap;
    }

    /** How long to wait for Fabric to end a job after asking it to cancel. */
    Duration cancelGrace() {
        Duration scaled = Duration.ofNanos(Math.round(CANCEL_GRACE.toNanos() * plan.timeScale()));
        return scaled.compareTo(MIN_CANCEL_GRACE) < 0 ? MIN_CANCEL_GRACE : scaled;
    }

    /** Registers something a cancel must reach; if the run is already cancelling, it is cancelled now. */
    void track(Cancellable c) {
        inFlight.add(c);
        if (cancelling) {
            c.cancel();
        }
    }

    void untrack(Cancellable c) {
        inFlight.remove(c);
    }

    /** The outcome of a top-level activity of an earlier stage (or of a stage reused from the original run). */
    Optional<StepState> topLevelOutcome(String activity) {
        return Optional.ofNullable(topLevel.get(activity));
    }

    // State changes, each reported once: board, event

    void stepChanged(StepKey key, StepState to, Optional<WaitReason> wait, int attempt, Optional<String> message) {
        board.step(key, v -> new RunSnapshot.StepView(key, to, wait, attempt, v.attempts(), v.reusedFrom(),
                message));
        emit(new RunEvent.StepStateChanged(runId, now(), key, to, wait, attempt, Optional.empty(), message));
    }

    void waiting(StepKey key, WaitReason reason, int attempt) {
        RunSnapshot.StepView view = board.step(key);
        if (view != null && view.state() == StepState.WAITING && view.waitReason().equals(Optional.of(reason))) {
            return;
        }
        stepChanged(key, StepState.WAITING, Optional.of(reason), attempt, Optional.empty());
    }

    void running(StepKey key, int attempt) {
        RunSnapshot.StepView view = board.step(key);
        if (view != null && view.state() == StepState.RUNNING && view.attempt() == attempt) {
            return;
        }
        stepChanged(key, StepState.RUNNING, Optional.empty(), attempt, Optional.empty());
    }

    /** The step ended: board, journal (with its output and the variables it set) and event. */
    void stepEnded(StepKey key, StepResult result) {
        stepEnded(key, result, true);
    }

    private void stepEnded(StepKey key, StepResult result, boolean journal) {
        RunSnapshot.StepView before = board.step(key);
        int attempt = before == null ? 0 : before.attempt();
        board.step(key, v -> new RunSnapshot.StepView(key, result.state(), Optional.empty(), attempt, v.attempts(),
                result.reusedFrom(), result.message()));
        if (journal) {
            services.journal().stepEnded(runId, key, result.state(), result.output(), result.variablesSet(),
                    result.reusedFrom(), now());
        }
        if (key.isTopLevel()) {
            topLevel.put(key.path(), result.state());
        }
        if (result.state() == StepState.FAILED && result.reusedFrom().isEmpty()) {
            failedSteps.add(key);
        }
        emit(new RunEvent.StepStateChanged(runId, now(), key, result.state(), Optional.empty(), attempt,
                result.reusedFrom(), result.message()));
    }

    /**
     * A skipped step: its one SKIPPED monitoring row, then its end (in that order, so a console stopped in between
     * skips the step again on resume and the row is neither lost nor repeated).
     */
    void stepSkipped(StepKey key, String reason) {
        Instant at = now();
        Optional<MonitoringRow> stored = storeRow(new RowMark(key, 1, RowMark.SKIPPED), new MonitoringRow(OptionalLong.empty(), runId, plan.environment(), key.stage(),
                key.activity(), Optional.empty(), 1, MonitoringStatus.SKIPPED, Optional.empty(), at,
                Optional.of(at), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.of(reason),
                plan.request().operator()));
        stepEnded(key, new StepResult(StepState.SKIPPED, Optional.empty(), Map.of(), Optional.of(reason),
                Optional.empty()));
        stored.ifPresent(row -> emit(new RunEvent.MonitoringRowWritten(runId, now(), row)));
    }

    void attemptStarted(AttemptLog log) {
        board.step(log.key(), v -> withAttempt(v, log.attempt(), a -> new RunSnapshot.AttemptView(log.attempt(),
                log.startedAt(), log.jobId(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty())));
        emit(new RunEvent.AttemptStarted(runId, now(), log.key(), log.attempt(), log.jobId(), log.item()));
        writeRow(new RowMark(log.key(), log.attempt(), RowMark.START), row(log, MonitoringStatus.IN_PROGRESS,
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    void attemptEnded(AttemptLog log, AttemptResult result) {
        Instant at = now();
        board.step(log.key(), v -> withAttempt(v, log.attempt(), a -> new RunSnapshot.AttemptView(log.attempt(),
                log.startedAt(), log.jobId(), Optional.of(at), Optional.of(result.status()), result.errorCode(),
                result.message())));
        // the row before the journal entry: an attempt recorded as ended has its end row stored, and one a stopped
        // console left open is watched again on resume, its row (if stored) recognised rather than repeated
        Optional<MonitoringRow> stored = storeRow(new RowMark(log.key(), log.attempt(), RowMark.END), row(log,
                result.status().monitoringStatus(), Optional.of(at), result.errorCode(), result.message()));
        services.journal().attemptEnded(runId, log.key(), log.attempt(), result.status(), result.errorCode(),
                result.message(), at);
        emit(new RunEvent.AttemptEnded(runId, at, log.key(), log.attempt(), result.status(), result.errorCode(),
                result.message(), result.requestId(), Duration.between(log.startedAt(), at)));
        stored.ifPresent(row -> emit(new RunEvent.MonitoringRowWritten(runId, now(), row)));
    }

    void breaches(AttemptLog log, List<Breach> breaches) {
        emit(new RunEvent.BreachesFound(runId, now(), log.key(), breaches));
        for (int i = 0; i < breaches.size(); i++) {
            writeRow(new RowMark(log.key(), log.attempt(), RowMark.breach(i + 1)), row(log,
                    MonitoringStatus.THRESHOLD_BREACH, Optional.of(now()), Optional.empty(),
                    Optional.of(breaches.get(i).describe())));
        }
    }

    /**
     * One row per Copy activity run of the pipeline run {@code log}'s attempt started, with the rows it read and
     * copied: what DBB's own activities write to {@code meta.monitoring_integration}. The row names the Copy
     * activity and the pipeline, carries Fabric's attempt of the activity (its retries inside the pipeline run)
     * and the pipeline run's job instance id; runs still going are left out.
     */
    void copyActivityRuns(AttemptLog log, String pipeline, List<ActivityRun> activityRuns) {
        List<ActivityRun> copies = activityRuns.stream().filter(r -> r.activityType().equals("Copy"))
                .filter(r -> copyStatus(r.status()).isPresent())
                .sorted(Comparator.comparing((ActivityRun r) -> r.start().orElse(Instant.MAX))
                        .thenComparing(ActivityRun::activityRunId))
                .toList();
        for (ActivityRun copy : copies) {
            Instant start = copy.start().orElse(log.startedAt());
            writeRow(new RowMark(log.key().child(copy.activityName()), log.attempt(),
                    RowMark.copy(copy.activityRunId())), new MonitoringRow(OptionalLong.empty(), runId,
                    plan.environment(), log.key().stage(), copy.activityName(), Optional.of(pipeline),
                    copy.retryAttempt().orElse(0) + 1, copyStatus(copy.status()).orElseThrow(),
                    Optional.of(copy.pipelineRunId()), start, Optional.of(copy.end().orElse(start)),
                    copy.rowsRead(), copy.rowsWritten(), copy.error().map(ActivityRunError::errorCode),
                    copy.error().map(ActivityRunError::message), plan.request().operator()));
        }
    }

    /** The Copy activities' rows of {@code log}'s pipeline run could not be written: Fabric did not list them. */
    void activityRunsUnread(AttemptLog log, String pipeline, String why) {
        emit(new RunEvent.MonitoringWriteFailed(runId, now(), log.key(), "rows read and written by the Copy"
                + " activities of " + pipeline + " not recorded: its activity runs could not be read (" + why + ")"));
    }

    private static Optional<MonitoringStatus> copyStatus(ActivityRunStatus status) {
        return switch (status) {
            case SUCCEEDED -> Optional.of(MonitoringStatus.SUCCEEDED);
            case FAILED -> Optional.of(MonitoringStatus.FAILED);
            case CANCELLED, CANCELLING -> Optional.of(MonitoringStatus.CANCELLED);
            case SKIPPED -> Optional.of(MonitoringStatus.SKIPPED);
            case QUEUED, IN_PROGRESS, UNKNOWN -> Optional.empty();
        };
    }

    void overrun(StepKey key, String model, Duration elapsed, Duration target) {
        Instant at = now();
        emit(new RunEvent.Overrun(runId, at, key, model, elapsed, target));
        writeRow(new RowMark(key, 1, RowMark.OVERRUN), new MonitoringRow(OptionalLong.empty(), runId,
                plan.environment(), key.stage(), key.activity(), Optional.of(model), 1, MonitoringStatus.OVERRUN, Optional.empty(), at.minus(elapsed),
                Optional.of(at), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(),
                Optional.of("refresh of " + model + " has run " + elapsed + ", longer than its target " + target),
                plan.request().operator()));
    }

    // The run's course

    private void begin() {
        startedAt = resumed.map(RunRecord::createdAt).orElseGet(this::now);
        try {
            if (resumed.isPresent()) {
                services.journal().runResumed(runId, now());
                loadWrittenRows();
            } else {
                services.journal().runCreated(runId, plan, rerun.map(RerunScope::originalRunId), startedAt);
            }
        } catch (RuntimeException e) {
            LOG.error("Run {} not started: the journal refused it", runId, e);
            end(RunState.FAILED, Optional.of("the run journal could not record the run: " + e.getMessage()));
            return;
        }
        state = RunState.RUNNING;
        emit(new RunEvent.RunStateChanged(runId, startedAt, RunState.RUNNING, Optional.empty(),
                rerun.map(RerunScope::originalRunId)));
        stage(0);
    }

    private void stage(int index) {
        List<PlannedStage> stages = plan.stages();
        if (index == stages.size()) {
            finish();
            return;
        }
        PlannedStage stage = stages.get(index);
        RerunScope.StageMode mode = rerun.map(r -> r.mode(index)).orElse(RerunScope.StageMode.RUN);
        Optional<StepState> endedBeforeStop = resumed.map(r -> r.stages().get(stage.name()));
        if (endedBeforeStop.isPresent()) {
            resumeEndedStage(stage, endedBeforeStop.get());
            stage(index + 1);
        } else if (cancelling) {
            notStarted(stage, StepState.CANCELLED, "run cancelled");
            stage(index + 1);
        } else if (failedStage != null) {
            notStarted(stage, StepState.SKIPPED, "stage " + failedStage + " failed");
            stage(index + 1);
        } else if (mode == RerunScope.StageMode.SKIP) {
            notStarted(stage, StepState.SKIPPED, "not part of this re-run");
            stage(index + 1);
        } else if (mode == RerunScope.StageMode.REUSE) {
            reuseStage(stage);
            stage(index + 1);
        } else {
            ReusePolicy rerunReuse = mode == RerunScope.StageMode.RUN_FAILED_ONLY
                    ? rerun.orElseThrow().succeededSteps() : ReusePolicy.NONE;
            ReusePolicy reuse = resumed.isEmpty() ? rerunReuse : key -> endedBeforeStop().reusable(key)
                    .or(() -> rerunReuse.reusable(key));
            stageChanged(stage.name(), StepState.RUNNING, Optional.empty(), Optional.empty());
            new StepGraph(this, stage.name(), null, stage.steps(), root, reuse).start()
                    .thenAcceptAsync(result -> stageEnded(stage, result, index), serial);
        }
    }

    private void stageEnded(PlannedStage stage, StepGraph.Result result, int index) {
        StepState end = result.cancelled() || cancelling ? StepState.CANCELLED
                : result.failed() ? StepState.FAILED : StepState.SUCCEEDED;
        if (end == StepState.FAILED) {
            failedStage = stage.name();
        }
        stageChanged(stage.name(), end, end == StepState.FAILED
                ? Optional.of(result.failedSteps() + " failed") : Optional.empty(), Optional.empty());
        stage(index + 1);
    }

    /** A stage that ended before the console stopped keeps its end; its steps show as they were recorded. */
    private void resumeEndedStage(PlannedStage stage, StepState end) {
        for (PlannedStep step : stage.steps()) {
            StepKey key = StepKey.of(stage.name(), step.name());
            Optional<RunRecord.StepRecord> recorded = recordedBeforeResume(key).filter(s -> s.state().isPresent());
            if (recorded.isPresent()) {
                reuse(key, recorded.get(), root);
            } else {
                stepEnded(key, new StepResult(end, Optional.empty(), Map.of(), Optional.of(RECORDED_BEFORE_STOP),
                        Optional.empty()), false);
            }
        }
        if (end == StepState.FAILED) {
            failedStage = stage.name();
        }
        board.stage(stage.name(), end, Optional.of(RECORDED_BEFORE_STOP));
        emit(new RunEvent.StageStateChanged(runId, now(), stage.name(), end, Optional.of(RECORDED_BEFORE_STOP),
                Optional.empty()));
    }

    private void notStarted(PlannedStage stage, StepState end, String reason) {
        for (PlannedStep step : stage.steps()) {
            StepKey key = StepKey.of(stage.name(), step.name());
            stepEnded(key, new StepResult(end, Optional.empty(), Map.of(), Optional.of(reason), Optional.empty()));
        }
        stageChanged(stage.name(), end, Optional.of(reason), Optional.empty());
    }

    private void reuseStage(PlannedStage stage) {
        RerunScope scope = rerun.orElseThrow();
        for (PlannedStep step : stage.steps()) {
            StepKey key = StepKey.of(stage.name(), step.name());
            Optional<RunRecord.StepRecord> original = scope.original(key);
            if (original.isPresent() && original.get().state().isPresent()) {
                reuse(key, original.get(), root);
            } else {
                stepEnded(key, new StepResult(StepState.SKIPPED, Optional.empty(), Map.of(),
                        Optional.of("not in the original run " + scope.originalRunId()), Optional.empty()));
            }
        }
        stageChanged(stage.name(), StepState.SUCCEEDED, Optional.empty(), Optional.of(scope.originalRunId()));
    }

    /**
     * Ends {@code key} as recorded, restoring its output and the variables it set: as the original run ended it for
     * a re-run, or, for a resumed run, as this same run ended it before the console stopped (already in the journal,
     * so not written again).
     */
    void reuse(StepKey key, RunRecord.StepRecord original, Scope scope) {
        original.output().ifPresent(output -> scope.putOutput(key.name(), output));
        variables.putAll(original.variablesSet());
        if (resumed.isPresent() && resumed.get().step(key).filter(s -> s.state().isPresent()).isPresent()) {
            stepEnded(key, new StepResult(original.state().orElseThrow(), original.output(),
                    original.variablesSet(), Optional.of(RECORDED_BEFORE_STOP), Optional.empty()), false);
            return;
        }
        String originalRunId = originalRunId().orElseThrow();
        stepEnded(key, new StepResult(original.state().orElseThrow(), original.output(), original.variablesSet(),
                Optional.of("reused from run " + originalRunId), Optional.of(originalRunId)));
    }

    /** What the journal recorded about {@code key} before the console stopped, when this run was resumed. */
    Optional<RunRecord.StepRecord> recordedBeforeResume(StepKey key) {
        return resumed.flatMap(r -> r.step(key));
    }

    /**
     * Steps of a resumed run that ended before the console stopped keep that end, whatever it was: running them
     * again would repeat their work, and the run's course already followed from it.
     */
    private ReusePolicy endedBeforeStop() {
        return key -> recordedBeforeResume(key).filter(s -> s.state().isPresent());
    }

    Optional<String> originalRunId() {
        return rerun.map(RerunScope::originalRunId);
    }

    private void stageChanged(String stage, StepState to, Optional<String> reason, Optional<String> reusedFrom) {
        board.stage(stage, to, reason);
        if (to.isTerminal()) {
            services.journal().stageEnded(runId, stage, to, now());
        }
        emit(new RunEvent.StageStateChanged(runId, now(), stage, to, reason, reusedFrom));
    }

    private void finish() {
        if (!cancelling) {
            checkMonitoringRules();
        }
        if (cancelling) {
            end(RunState.CANCELLED, Optional.of("cancelled by the operator"));
        } else if (failedStage != null) {
            end(RunState.FAILED, Optional.of("stage " + failedStage + " failed: " + failedSteps.stream()
                    .filter(k -> k.stage().equals(failedStage)).map(StepKey::path).toList()));
        } else {
            end(RunState.SUCCEEDED, Optional.empty());
        }
    }

    /**
     * Checks the run's rows against the environment's monitoring rules once every stage has ended: each finding is
     * reported as a breach of the top-level activity it concerns (one report per activity, so one notice each) and
     * stored as a row. The findings follow from the rows alone, so a resumed run finds the same ones and stores
     * only those still missing. A cancelled run is not checked: it stopped short on purpose.
     */
    private void checkMonitoringRules() {
        if (plan.monitoringRules().isEmpty()) {
            return;
        }
        List<RuleBreach> found = MonitoringRuleCheck.breaches(plan.monitoringRules(), List.copyOf(runRows),
                plan.timeScale());
        Map<StepKey, List<RuleBreach>> byStep = new LinkedHashMap<>();
        Map<RuleBreach, RowMark> marks = new HashMap<>();
        Map<Integer, Integer> perRule = new HashMap<>();
        for (RuleBreach b : found) {
            StepKey step = StepKey.of(b.stage(), b.shownOn());
            byStep.computeIfAbsent(step, k -> new ArrayList<>()).add(b);
            marks.put(b, new RowMark(step, 1, RowMark.rule(b.rule(), perRule.merge(b.rule(), 1, Integer::sum))));
        }
        byStep.forEach((step, breaches) -> {
            List<Breach> reported = breaches.stream().map(RunExecution::breach).toList();
            emit(new RunEvent.BreachesFound(runId, now(), step, reported));
            for (int i = 0; i < breaches.size(); i++) {
                RuleBreach b = breaches.get(i);
                Instant at = now();
                writeRow(marks.get(b), new MonitoringRow(OptionalLong.empty(), runId, plan.environment(), b.stage(),
                        b.activity(), Optional.empty(), 1, b.status(), Optional.empty(), at, Optional.of(at),
                        OptionalLong.empty(), OptionalLong.empty(), Optional.empty(),
                        Optional.of(reported.get(i).describe()), plan.request().operator()));
            }
        });
    }

    private static Breach breach(RuleBreach b) {
        return new Breach(Optional.of(b.subject()), Optional.of(b.kind().wireName()), Optional.of(b.actual()),
                Optional.of(b.expected()));
    }

    private void end(RunState end, Optional<String> message) {
        Instant at = now();
        state = end;
        try {
            services.journal().runEnded(runId, end, at);
        } catch (RuntimeException e) {
            LOG.error("Run {} ended {} but the journal could not record it", runId, end, e);
        }
        emit(new RunEvent.RunStateChanged(runId, at, end, message, rerun.map(RerunScope::originalRunId)));
        completion.complete(new RunOutcome(runId, end, startedAt, at, failedSteps, message,
                rerun.map(RerunScope::originalRunId)));
    }

    // Plumbing

    private MonitoringRow row(AttemptLog log, MonitoringStatus status, Optional<Instant> endedAt,
            Optional<String> errorCode, Optional<String> message) {
        return new MonitoringRow(OptionalLong.empty(), runId, plan.environment(), log.key().stage(),
                log.key().activity(), log.item(), log.attempt(), status, log.jobId(), log.startedAt(), endedAt,
                OptionalLong.empty(), OptionalLong.empty(), errorCode, message, plan.request().operator());
    }

    /**
     * Stores {@code row} once per run: a row the journal says is stored already (a resumed run repeating what the
     * stopped console did) is not stored again, and the one row a stopped console may have stored without
     * recording it is taken over instead of stored twice.
     */
    private void writeRow(RowMark mark, MonitoringRow row) {
        storeRow(mark, row).ifPresent(stored -> emit(new RunEvent.MonitoringRowWritten(runId, now(), stored)));
    }

    /** {@link #writeRow} without the event: the row stored now, or empty when it was stored before or failed. */
    private Optional<MonitoringRow> storeRow(RowMark mark, MonitoringRow row) {
        if (rowsWritten.containsKey(mark)) {
            return Optional.empty();
        }
        Optional<MonitoringRow> unrecorded = unrecordedRows.stream().filter(r -> sameRow(r, row)).findFirst();
        MonitoringRow stored;
        if (unrecorded.isPresent()) {
            stored = unrecorded.get();
            unrecordedRows.remove(stored);
        } else {
            try {
                stored = services.monitoring().append(row);
            } catch (RuntimeException e) {
                LOG.warn("Monitoring row for {} ({}) not stored", mark.step(), row.status().wireName(), e);
                emit(new RunEvent.MonitoringWriteFailed(runId, now(), mark.step(), "monitoring row "
                        + row.status().wireName() + " not stored: " + e.getMessage()));
                return Optional.empty();
            }
        }
        // a sink that hands out no ids cannot be looked up again, so only this process knows the row is stored
        rowsWritten.put(mark, stored.id().orElse(0));
        if (unrecorded.isEmpty()) {
            runRows.add(stored);
        }
        if (stored.id().isPresent()) {
            try {
                services.journal().rowWritten(runId, mark, stored.id().getAsLong());
            } catch (RuntimeException e) {
                // only a resume after a crash needs the record; without it that resume may store the row again
                LOG.warn("Monitoring row {} of {} stored but not recorded in the run journal",
                        stored.id().getAsLong(), mark.step(), e);
            }
        }
        return Optional.of(stored);
    }

    private static boolean sameRow(MonitoringRow stored, MonitoringRow row) {
        return stored.status() == row.status() && stored.stage().equals(row.stage())
                && stored.activity().equals(row.activity()) && stored.item().equals(row.item())
                && stored.attempt() == row.attempt();
    }

    /**
     * What a resumed run needs to know about the rows the stopped console stored: the ones it recorded, and the
     * ones stored after the last of those (the console stops at most one row after its last record).
     */
    private void loadWrittenRows() {
        try {
            rowsWritten.putAll(services.journal().rowsWritten(runId));
            long last = rowsWritten.values().stream().mapToLong(Long::longValue).max().orElse(0);
            List<MonitoringRow> stored = services.monitoring().rowsOfRunAfter(runId, 0);
            runRows.addAll(stored);
            stored.stream().filter(r -> r.id().orElse(0) > last).forEach(unrecordedRows::add);
        } catch (RuntimeException e) {
            LOG.warn("Monitoring rows of run {} stored before the console stopped could not be read; rows of"
                    + " attempts still going then may be stored twice", runId, e);
        }
    }

    private void emit(RunEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("Run listener failed on {} of run {}", event.getClass().getSimpleName(), runId, e);
        }
    }

    private static RunSnapshot.StepView withAttempt(RunSnapshot.StepView view, int attempt,
            UnaryOperator<RunSnapshot.AttemptView> change) {
        List<RunSnapshot.AttemptView> attempts = new ArrayList<>(view.attempts());
        int at = -1;
        for (int i = 0; i < attempts.size(); i++) {
            if (attempts.get(i).attempt() == attempt) {
                at = i;
            }
        }
        if (at < 0) {
            attempts.add(change.apply(null));
        } else {
            attempts.set(at, change.apply(attempts.get(at)));
        }
        return new RunSnapshot.StepView(view.key(), view.state(), view.waitReason(), attempt, attempts,
                view.reusedFrom(), view.message());
    }
}
