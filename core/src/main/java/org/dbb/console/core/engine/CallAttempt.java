package org.dbb.console.core.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One attempt that is a single call answered by a value (a Lookup): the call runs on the scheduler, the answer
 * comes back on the run's serial executor. A timeout or a cancel ends the attempt at once and ignores a late
 * answer; the call only reads, so nothing needs undoing. Used only on the run's serial executor.
 */
final class CallAttempt implements Attempt {

    private final RunExecution run;
    private final StepKey key;
    private final int attempt;
    private final Supplier<JsonNode> call;
    private final Duration timeout;
    private final CompletableFuture<AttemptResult> result = new CompletableFuture<>();
    private AttemptLog log;
    private ScheduledFuture<?> timer;
    private boolean ended;

    CallAttempt(RunExecution run, StepKey key, int attempt, Supplier<JsonNode> call, Duration timeout) {
        this.run = run;
        this.key = key;
        this.attempt = attempt;
        this.call = call;
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<AttemptResult> start() {
        log = new AttemptLog(key, attempt, Optional.empty(), run.now(), Optional.empty());
        run.running(key, attempt);
        run.attemptStarted(log);
        timer = run.services().scheduler().schedule(() -> run.serial().execute(() -> end(AttemptResult.of(
                AttemptStatus.TIMED_OUT, "AttemptTimedOut", "no answer within " + timeout))),
                timeout.toNanos(), TimeUnit.NANOSECONDS);
        CompletableFuture.supplyAsync(call, run.services().scheduler())
                .whenCompleteAsync((value, error) -> end(error == null ? AttemptResult.succeeded(value)
                        : AttemptResult.failure(error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error)), run.serial());
        return result;
    }

    @Override
    public void cancel() {
        end(AttemptResult.of(AttemptStatus.CANCELLED, null, "run cancelled"));
    }

    private void end(AttemptResult outcome) {
        if (ended) {
            return;
        }
        ended = true;
        timer.cancel(false);
        run.attemptEnded(log, outcome);
        result.complete(outcome);
    }
}
