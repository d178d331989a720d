package org.dbb.console.core.engine;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.failsafe.event.ExecutionScheduledEvent;

import org.dbb.console.core.plan.RetrySpec;

/**
 * Runs a step's attempts under its {@link RetrySpec} with a Failsafe retry policy on the engine's scheduler:
 * attempt 1, then up to {@code retries} more while attempts fail or time out, {@code interval} apart. The step
 * shows WAITING (retry at T) between attempts. A cancelled attempt, a run being cancelled, or a failure that is
 * unsafe to retry stops the loop. Used only on the run's serial executor.
 */
final class AttemptLoop implements Cancellable {

    private final RunExecution run;
    private final StepKey key;
    private final RetrySpec spec;
    private final IntFunction<Attempt> attempts;
    private CompletableFuture<AttemptResult> loop;
    private Attempt current;
    private int attempt;
    private boolean cancelled;

    private final int firstAttempt;

    AttemptLoop(RunExecution run, StepKey key, RetrySpec spec, IntFunction<Attempt> attempts) {
        this(run, key, spec, attempts, 1);
    }

    /**
     * @param firstAttempt the number of the first attempt this loop makes: above 1 when a resumed run continues a
     *                     step whose earlier attempts the journal recorded, which count against its retries
     */
    AttemptLoop(RunExecution run, StepKey key, RetrySpec spec, IntFunction<Attempt> attempts, int firstAttempt) {
        if (firstAttempt < 1 || firstAttempt > spec.maxAttempts()) {
            throw new IllegalArgumentException("attempt " + firstAttempt + " is outside 1.." + spec.maxAttempts());
        }
        this.run = run;
        this.key = key;
        this.spec = spec;
        this.attempts = attempts;
        this.firstAttempt = firstAttempt;
        this.attempt = firstAttempt - 1;
    }

    CompletableFuture<StepResult> start() {
        run.track(this);
        RetryPolicyBuilder<AttemptResult> policy = RetryPolicy.<AttemptResult>builder()
                .handleResultIf(result -> !result.succeeded())
                .abortIf(result -> result.status() == AttemptStatus.CANCELLED || !result.retryable()
                        || run.isCancelling())
                .withMaxRetries(spec.retries() - (firstAttempt - 1))
                .onRetryScheduled(this::retryScheduled);
        if (spec.interval().compareTo(Duration.ZERO) > 0) {
            policy.withDelay(spec.interval());
        }
        loop = Failsafe.with(policy.build()).with(run.services().scheduler())
                .getStageAsync(() -> CompletableFuture.supplyAsync(this::next, run.serial())
                        .thenCompose(result -> result));
        return loop.handleAsync(this::finished, run.serial());
    }

    @Override
    public void cancel() {
        cancelled = true;
        if (current != null) {
            current.cancel();
        } else if (loop != null) {
            // between attempts: stop the scheduled retry
            loop.cancel(false);
        }
    }

    private CompletableFuture<AttemptResult> next() {
        if (cancelled || run.isCancelling()) {
            return CompletableFuture.completedFuture(AttemptResult.of(AttemptStatus.CANCELLED, null,
                    "run cancelled"));
        }
        attempt++;
        Attempt started = attempts.apply(attempt);
        current = started;
        return started.start().thenApply(result -> {
            // cleared before Failsafe sees the result, so a cancel from now on stops the retry wait instead
            current = null;
            return result;
        });
    }

    private void retryScheduled(ExecutionScheduledEvent<AttemptResult> event) {
        Duration delay = event.getDelay();
        run.serial().execute(() -> {
            if (!cancelled && !run.isCancelling()) {
                run.waiting(key, WaitReason.retryAt(run.now().plus(delay), attempt + 1, spec.maxAttempts()),
                        attempt + 1);
            }
        });
    }

    private StepResult finished(AttemptResult result, Throwable error) {
        run.untrack(this);
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            return cause instanceof CancellationException ? StepResult.cancelled()
                    : StepResult.failed("the console failed running the step: " + cause);
        }
        return StepResult.of(result, attempt);
    }
}
