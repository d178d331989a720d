package org.dbb.console.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dbb.console.core.engine.refresh.CarriedRefresh;
import org.dbb.console.core.engine.refresh.ConductorListener;
import org.dbb.console.core.engine.refresh.ConductorResult;
import org.dbb.console.core.engine.refresh.ConductorRun;
import org.dbb.console.core.engine.refresh.ModelResult;
import org.dbb.console.core.engine.refresh.ModelState;
import org.dbb.console.core.engine.refresh.ModelWait;
import org.dbb.console.core.engine.refresh.RefreshOutcome;
import org.dbb.console.core.engine.refresh.RefreshPolicy;
import org.dbb.console.core.engine.refresh.RefreshTarget;
import org.dbb.console.core.plan.ModelTarget;
import org.dbb.console.core.plan.StepAction;

/**
 * A semantic refresh step: hands its models to the refresh conductor and mirrors what the conductor reports onto
 * one step per model ({@code Refresh semantic models/Sales}): waits, attempts with their refresh ids, overruns. The
 * conductor run is kept so a cap change or a cancel reaches it at once. A re-run that only repeats failures passes
 * only the models that did not succeed. The conductor calls back on its own threads; every callback is handed to
 * the run's serial executor, in the order the conductor made them.
 */
final class RefreshStep implements Cancellable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunExecution run;
    private final StepKey key;
    private final StepAction.SemanticRefresh action;
    private final Scope scope;
    private final ReusePolicy reuse;
    private final Map<String, AttemptLog> attempts = new HashMap<>();
    /** Models whose step already ended, as their last attempt ended, before the whole conductor run did. */
    private final Map<String, StepResult> ended = new HashMap<>();
    private final CompletableFuture<StepResult> done = new CompletableFuture<>();
    private ConductorRun conductorRun;

    RefreshStep(RunExecution run, StepKey key, StepAction.SemanticRefresh action, Scope scope, ReusePolicy reuse) {
        this.run = run;
        this.key = key;
        this.action = action;
        this.scope = scope;
        this.reuse = reuse;
    }

    CompletableFuture<StepResult> start() {
        List<RefreshTarget> targets = new ArrayList<>();
        Map<String, CarriedRefresh> carried = new HashMap<>();
        for (ModelTarget model : action.models()) {
            StepKey modelKey = key.child(model.name());
            Optional<RunRecord.StepRecord> original = reuse.reusable(modelKey);
            if (original.isPresent()) {
                run.reuse(modelKey, original.get(), scope);
                continue;
            }
            Optional<RunRecord.StepRecord> recorded = run.recordedBeforeResume(modelKey);
            Optional<RunRecord.AttemptRecord> last = recorded.flatMap(r -> r.attempts().stream()
                    .max(Comparator.comparingInt(RunRecord.AttemptRecord::attempt)));
            if (last.isEmpty()) {
                targets.add(RefreshTarget.from(model));
                continue;
            }
            RunRecord.AttemptRecord a = last.get();
            if (a.endedAt().isEmpty()) {
                Set<String> others = recorded.get().attempts().stream().filter(o -> o.attempt() != a.attempt())
                        .flatMap(o -> o.refreshId().stream()).collect(Collectors.toSet());
                carried.put(model.name(), CarriedRefresh.open(a.attempt(), a.submittingAt(), a.refreshId(),
                        others));
                targets.add(RefreshTarget.from(model));
            } else if (a.status().equals(Optional.of(AttemptStatus.SUCCEEDED))) {
                // the refresh ended (its end row is stored before its end is recorded); only the step's end is left
                ObjectNode output = JSON.createObjectNode().put("model", model.name());
                a.refreshId().ifPresent(id -> output.put("refreshId", id));
                ended.put(model.name(), StepResult.succeeded(Optional.of(output)));
                run.stepEnded(modelKey, StepResult.succeeded(Optional.of(output)));
            } else if (a.attempt() < action.perModel().maxAttempts()) {
                carried.put(model.name(), CarriedRefresh.next(a.attempt() + 1));
                targets.add(RefreshTarget.from(model));
            } else {
                StepResult failed = StepResult.failed("attempt " + a.attempt() + " ended " + a.status()
                        .map(Enum::name).orElse("without a status") + " before the console stopped"
                        + a.message().map(m -> ": " + m).orElse(""));
                ended.put(model.name(), failed);
                run.stepEnded(modelKey, failed);
            }
        }
        if (targets.isEmpty() && ended.values().stream().anyMatch(r -> r.state() == StepState.FAILED)) {
            done.complete(StepResult.failed("models failed before the console stopped: " + ended.entrySet()
                    .stream().filter(e -> e.getValue().state() == StepState.FAILED).map(Map.Entry::getKey)
                    .toList()));
            return done;
        }
        if (targets.isEmpty()) {
            done.complete(StepResult.succeeded(Optional.empty()));
            return done;
        }
        int cap = run.refreshCapOverride() > 0 ? run.refreshCapOverride() : action.cap();
        RefreshPolicy policy = new RefreshPolicy(action.perModel().retries(), action.perModel().interval(),
                action.perModel().attemptTimeout());
        run.running(key, 1);
        conductorRun = run.services().conductor().start(targets, cap, policy, new Relay(), carried);
        run.track(this);
        run.steps().refreshStarted(this);
        conductorRun.completion().thenAcceptAsync(this::finished, run.serial());
        return done;
    }

    @Override
    public void cancel() {
        conductorRun.cancel();
    }

    void setCap(int cap) {
        conductorRun.setCap(cap);
    }

    private void waiting(String model, ModelWait wait) {
        StepKey modelKey = key.child(model);
        int next = attempts.containsKey(model) ? attempts.get(model).attempt() : 0;
        WaitReason reason;
        if (wait instanceof ModelWait.Slot slot) {
            reason = WaitReason.slotHeld(slot.heldBy(), slot.cap());
        } else if (wait instanceof ModelWait.ModelBusy) {
            reason = WaitReason.modelBusy(model, wait.reason());
        } else if (wait instanceof ModelWait.RetryAt retry) {
            reason = WaitReason.retryAt(retry.at(), retry.nextAttempt(), action.perModel().maxAttempts());
            next = retry.nextAttempt();
        } else if (wait instanceof ModelWait.Throttled throttled) {
            reason = WaitReason.throttled(throttled.until(), wait.reason());
        } else {
            return;
        }
        run.waiting(modelKey, reason, next);
    }

    private void attemptStarted(String model, int attempt, String refreshId, Instant at) {
        StepKey modelKey = key.child(model);
        AttemptLog log = new AttemptLog(modelKey, attempt, Optional.of(model), at, Optional.of(refreshId));
        attempts.put(model, log);
        // the request itself was recorded ahead of sending it (Relay.submitting)
        run.services().journal().refreshSubmitted(run.runId(), modelKey, attempt, refreshId, run.now());
        run.running(modelKey, attempt);
        run.attemptStarted(log);
    }

    private void attemptEnded(String model, int attempt, RefreshOutcome outcome) {
        AttemptLog log = attempts.get(model);
        if (log == null || log.attempt() != attempt) {
            // Power BI refused the request outright: the attempt never started a refresh
            log = new AttemptLog(key.child(model), attempt, Optional.of(model), outcome.startedAt(),
                    outcome.refreshId());
            run.running(log.key(), attempt);
            run.attemptStarted(log);
        }
        AttemptStatus status = AttemptStatus.valueOf(outcome.status().name());
        run.attemptEnded(log, new AttemptResult(status, Optional.empty(), outcome.errorCode(),
                outcome.errorMessage(), Optional.empty(), true));
        // a model's step ends with its last attempt, so operators see each model finish as it does
        boolean last = status == AttemptStatus.SUCCEEDED
                || status != AttemptStatus.CANCELLED && attempt >= action.perModel().maxAttempts();
        if (last && !run.isCancelling()) {
            ObjectNode output = JSON.createObjectNode().put("model", model);
            outcome.refreshId().ifPresent(id -> output.put("refreshId", id));
            StepResult end = status == AttemptStatus.SUCCEEDED ? StepResult.succeeded(Optional.of(output))
                    : new StepResult(StepState.FAILED, Optional.of(output), Map.of(),
                    Optional.of(outcome.errorCode().map(c -> c + ": ").orElse("")
                            + outcome.errorMessage().orElse("refresh failed")), Optional.empty());
            ended.put(model, end);
            run.stepEnded(key.child(model), end);
        }
    }

    private void finished(ConductorResult result) {
        run.untrack(this);
        run.steps().refreshEnded(this);
        List<String> failed = new ArrayList<>();
        for (ModelResult model : result.models()) {
            StepKey modelKey = key.child(model.model());
            ObjectNode output = JSON.createObjectNode().put("model", model.model())
                    .put("elapsedSeconds", model.elapsed().toMillis() / 1000.0).put("overran", model.overran());
            model.lastAttempt().flatMap(RefreshOutcome::refreshId).ifPresent(id -> output.put("refreshId", id));
            StepResult end = switch (model.state()) {
                case SUCCEEDED -> StepResult.succeeded(Optional.of(output));
                case CANCELLED -> StepResult.cancelled();
                default -> new StepResult(StepState.FAILED, Optional.of(output), Map.of(),
                        Optional.of(model.errorCode().map(c -> c + ": ").orElse("")
                                + model.errorMessage().orElse("refresh failed")), Optional.empty());
            };
            if (end.state() == StepState.FAILED) {
                failed.add(model.model());
            }
            if (!ended.containsKey(model.model())) {
                run.stepEnded(modelKey, end);
            }
        }
        ended.forEach((model, end) -> {
            if (end.state() == StepState.FAILED && !failed.contains(model)) {
                failed.add(model);
            }
        });
        if (run.isCancelling() || result.state() == ModelState.CANCELLED) {
            done.complete(StepResult.cancelled());
        } else if (!failed.isEmpty()) {
            done.complete(StepResult.failed(failed.size() + " of " + result.models().size()
                    + " models failed: " + failed));
        } else {
            done.complete(StepResult.succeeded(Optional.of(JSON.createObjectNode()
                    .put("models", result.models().size()))));
        }
    }

    /** Hands the conductor's callbacks to the run's serial executor; runs on the conductor's threads. */
    private final class Relay implements ConductorListener {

        @Override
        public void waiting(String model, ModelWait reason) {
            run.serial().execute(() -> RefreshStep.this.waiting(model, reason));
        }

        /** Records the request before it is sent, on the conductor's thread: a failure stops the request. */
        @Override
        public void submitting(String model, int attempt, Instant at) {
            run.services().journal().attemptSubmitting(run.runId(), key.child(model), attempt, at);
        }

        @Override
        public void attemptStarted(String model, int attempt, String refreshId, Instant at) {
            run.serial().execute(() -> RefreshStep.this.attemptStarted(model, attempt, refreshId, at));
        }

        @Override
        public void attemptEnded(String model, int attempt, RefreshOutcome outcome, Instant at) {
            run.serial().execute(() -> RefreshStep.this.attemptEnded(model, attempt, outcome));
        }

        @Override
        public void overrun(String model, Duration elapsed, Duration target) {
            run.serial().execute(() -> run.overrun(key.child(model), model, elapsed, target));
        }
    }
}
