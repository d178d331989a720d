package org.dbb.console.core.engine;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dbb.console.core.expr.ExpressionEvaluationException;
import org.dbb.console.core.fabric.jobs.JobRequest;
import org.dbb.console.core.plan.PlannedStep;
import org.dbb.console.core.plan.StepAction;

/**
 * Runs one step by its kind and reports how it ended. Fabric jobs and lookups go through an {@link AttemptLoop};
 * semantic refreshes go to the refresh conductor, which retries per model; the local kinds (condition, fan-out,
 * variable, pause) make a single attempt. Every attempt writes its start and
 * end monitoring rows through the run. Used only on the run's serial executor.
 */
final class StepRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunExecution run;
    /** The refreshes running now; a later one reads the cap from the run when it starts. */
    private final Set<RefreshStep> refreshes = new LinkedHashSet<>();

    StepRunner(RunExecution run) {
        this.run = run;
    }

    CompletableFuture<StepResult> run(StepKey key, PlannedStep step, Scope scope, ReusePolicy reuse) {
        StepAction action = step.action();
        if (action instanceof StepAction.FabricJob job) {
            return fabricJob(key, step, job, scope);
        }
        if (action instanceof StepAction.Lookup lookup) {
            // a look-up only reads, so one the console stopped during is simply asked again, as the same attempt
            int first = lastRecordedAttempt(key).map(a -> a.endedAt().isEmpty()
                    || a.status().equals(Optional.of(AttemptStatus.SUCCEEDED)) ? a.attempt() : a.attempt() + 1)
                    .orElse(1);
            if (first > step.retry().maxAttempts()) {
                return CompletableFuture.completedFuture(endedBeforeStop(lastRecordedAttempt(key).orElseThrow()));
            }
            return new AttemptLoop(run, key, step.retry(), n -> new CallAttempt(run, key, n,
                    () -> Lookups.answer(run.services().fabric(), run.plan(), lookup),
                    step.retry().attemptTimeout()), first).start();
        }
        if (action instanceof StepAction.Condition condition) {
            return condition(key, condition, scope, reuse);
        }
        if (action instanceof StepAction.FanOut fanOut) {
            return new FanOutStep(run, key, fanOut, scope, reuse).start();
        }
        if (action instanceof StepAction.SetVariable set) {
            return setVariable(key, set, scope);
        }
        if (action instanceof StepAction.Pause pause) {
            return pause(key, pause);
        }
        if (action instanceof StepAction.SemanticRefresh refresh) {
            return new RefreshStep(run, key, refresh, scope, reuse).start();
        }
        return CompletableFuture.completedFuture(StepResult.failed("the engine cannot run a "
                + action.getClass().getSimpleName() + " step"));
    }

    /** An operator changed the refresh concurrency during the run: every refresh running now gets it at once. */
    void refreshCapChanged(int cap) {
        for (RefreshStep refresh : refreshes) {
            refresh.setCap(cap);
        }
    }

    void refreshStarted(RefreshStep refresh) {
        refreshes.add(refresh);
    }

    void refreshEnded(RefreshStep refresh) {
        refreshes.remove(refresh);
    }

    private CompletableFuture<StepResult> fabricJob(StepKey key, PlannedStep step, StepAction.FabricJob job,
            Scope scope) {
        JobRequest request;
        try {
            request = JobRequests.build(job, scope);
        } catch (ExpressionEvaluationException | IllegalArgumentException e) {
            return CompletableFuture.completedFuture(failedAtOnce(key, Optional.of(job.item().displayName()),
                    "InvalidParameters", "parameters of " + job.item().displayName() + " could not be evaluated: "
                            + e.getMessage()));
        }
        Optional<RunRecord.AttemptRecord> last = lastRecordedAttempt(key);
        if (last.isEmpty()) {
            return new AttemptLoop(run, key, step.retry(),
                    n -> new JobAttempt(run, key, n, job, request, step.retry().attemptTimeout())).start();
        }
        RunRecord.AttemptRecord recorded = last.get();
        // a job that succeeded before the step's end was recorded is watched again for its output (a notebook's
        // exit value), never submitted again
        boolean open = recorded.endedAt().isEmpty() || recorded.job().isPresent()
                && recorded.status().equals(Optional.of(AttemptStatus.SUCCEEDED));
        int first = open ? recorded.attempt() : recorded.attempt() + 1;
        if (first > step.retry().maxAttempts()) {
            // the console stopped after the last attempt ended but before the step did
            return CompletableFuture.completedFuture(endedBeforeStop(recorded));
        }
        Set<String> otherJobs = run.recordedBeforeResume(key).orElseThrow().attempts().stream()
                .filter(a -> a.attempt() != first).flatMap(a -> a.job().stream())
                .map(JobLocation::jobInstanceId).collect(Collectors.toSet());
        JobAttempt.Recorded carriedOver = new JobAttempt.Recorded(recorded.submittingAt(), recorded.job(),
                otherJobs);
        return new AttemptLoop(run, key, step.retry(), n -> new JobAttempt(run, key, n, job, request,
                step.retry().attemptTimeout(), open && n == first ? carriedOver : null), first).start();
    }

    private Optional<RunRecord.AttemptRecord> lastRecordedAttempt(StepKey key) {
        return run.recordedBeforeResume(key).flatMap(s -> s.attempts().stream()
                .max(Comparator.comparingInt(RunRecord.AttemptRecord::attempt)));
    }

    private static StepResult endedBeforeStop(RunRecord.AttemptRecord recorded) {
        return StepResult.failed("attempt " + recorded.attempt() + " ended " + recorded.status().map(Enum::name)
                .orElse("without a status") + " before the console stopped" + recorded.message().map(m -> ": " + m)
                .orElse(""));
    }

    private CompletableFuture<StepResult> condition(StepKey key, StepAction.Condition condition, Scope scope,
            ReusePolicy reuse) {
        boolean branch;
        try {
            JsonNode value = condition.expression().evaluate(scope);
            if (!value.isBoolean()) {
                return CompletableFuture.completedFuture(failedAtOnce(key, Optional.empty(), "InvalidExpression",
                        "the condition " + condition.expression().text() + " must be true or false, was "
                                + value));
            }
            branch = value.booleanValue();
        } catch (ExpressionEvaluationException e) {
            return CompletableFuture.completedFuture(failedAtOnce(key, Optional.empty(), "InvalidExpression",
                    e.getMessage()));
        }
        AttemptLog log = begin(key, Optional.empty());
        ObjectNode output = JSON.createObjectNode().put("ifExpression", branch);
        return new StepGraph(run, key.stage(), key, branch ? condition.ifTrue() : condition.ifFalse(), scope, reuse)
                .start().thenApplyAsync(result -> {
                    String side = branch ? "true" : "false";
                    if (result.cancelled()) {
                        return end(log, AttemptResult.of(AttemptStatus.CANCELLED, null, "run cancelled"),
                                StepResult.cancelled());
                    }
                    if (result.failed()) {
                        String message = "the " + side + " branch failed: " + result.failedSteps();
                        return end(log, AttemptResult.of(AttemptStatus.FAILED, "BranchFailed", message),
                                StepResult.failed(message));
                    }
                    return end(log, AttemptResult.succeeded(output), StepResult.succeeded(Optional.of(output)));
                }, run.serial());
    }

    private CompletableFuture<StepResult> setVariable(StepKey key, StepAction.SetVariable set, Scope scope) {
        JsonNode value;
        try {
            value = set.value().evaluate(scope);
        } catch (ExpressionEvaluationException e) {
            return CompletableFuture.completedFuture(failedAtOnce(key, Optional.empty(), "InvalidExpression",
                    e.getMessage()));
        }
        AttemptLog log = begin(key, Optional.empty());
        ObjectNode output = JSON.createObjectNode().put("name", set.variable());
        output.set("value", value);
        run.attemptEnded(log, AttemptResult.succeeded(output));
        return CompletableFuture.completedFuture(new StepResult(StepState.SUCCEEDED, Optional.of(output),
                Map.of(set.variable(), value), Optional.empty(), Optional.empty()));
    }

    private CompletableFuture<StepResult> pause(StepKey key, StepAction.Pause pause) {
        AttemptLog log = begin(key, Optional.empty());
        if (pause.duration().isZero() || pause.duration().isNegative()) {
            return CompletableFuture.completedFuture(end(log, AttemptResult.succeeded(null),
                    StepResult.succeeded(Optional.empty())));
        }
        CompletableFuture<StepResult> done = new CompletableFuture<>();
        Cancellable[] self = new Cancellable[1];
        ScheduledFuture<?> timer = run.services().scheduler().schedule(() -> run.serial().execute(() -> {
            if (!done.isDone()) {
                run.untrack(self[0]);
                done.complete(end(log, AttemptResult.succeeded(null), StepResult.succeeded(Optional.empty())));
            }
        }), pause.duration().toNanos(), TimeUnit.NANOSECONDS);
        self[0] = () -> {
            if (!done.isDone()) {
                timer.cancel(false);
                run.untrack(self[0]);
                done.complete(end(log, AttemptResult.of(AttemptStatus.CANCELLED, null, "run cancelled"),
                        StepResult.cancelled()));
            }
        };
        run.track(self[0]);
        return done;
    }

    private AttemptLog begin(StepKey key, Optional<String> item) {
        AttemptLog log = new AttemptLog(key, 1, item, run.now(), Optional.empty());
        run.running(key, 1);
        run.attemptStarted(log);
        return log;
    }

    private StepResult end(AttemptLog log, AttemptResult attempt, StepResult step) {
        run.attemptEnded(log, attempt);
        return step;
    }

    /** A step that fails before any attempt could be made: one attempt, started and failed at once. */
    private StepResult failedAtOnce(StepKey key, Optional<String> item, String errorCode, String message) {
        AttemptLog log = begin(key, item);
        return end(log, AttemptResult.of(AttemptStatus.FAILED, errorCode, message), StepResult.failed(message));
    }
}
