package org.dbb.console.core.fabric.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a status until it is final, the way Fabric and Power BI ask to be polled: one asynchronous read per check,
 * the next check scheduled on the transport's scheduler after the wait the caller derives from the last answer
 * (usually its {@code Retry-After}, floored by a minimum interval). No thread sleeps and nothing spins between
 * checks. Stateless; the futures it returns are thread-safe.
 */
public final class StatusPoller {

    private StatusPoller() {
    }

    /**
     * Waits {@code first.delay()}, then reads with {@code check} until {@code finished} holds for an answer; after
     * every other answer, {@code next} (given the answer and the number of checks so far) says how long to wait and
     * why. Every wait is reported to the transport's {@link WaitListener}. The future completes with the final
     * answer, fails with the first read that fails (after the transport's own retries), and stops polling when
     * cancelled.
     */
    public static <T> CompletableFuture<T> poll(ApiTransport transport, Waiting first,
            Supplier<CompletableFuture<T>> check, Predicate<T> finished, BiFunction<T, Integer, Waiting> next) {
        Loop<T> loop = new Loop<>(transport, check, finished, next);
        loop.schedule(first, 1);
        return loop.result;
    }

    /** One polling loop; the pending timer or read is cancelled when the result completes in any way. */
    private static final class Loop<T> {

        private final ApiTransport transport;
        private final Supplier<CompletableFuture<T>> check;
        private final Predicate<T> finished;
        private final BiFunction<T, Integer, Waiting> next;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final AtomicReference<Future<?>> pending = new AtomicReference<>();

        Loop(ApiTransport transport, Supplier<CompletableFuture<T>> check, Predicate<T> finished,
                BiFunction<T, Integer, Waiting> next) {
            this.transport = transport;
            this.check = check;
            this.finished = finished;
            this.next = next;
            result.whenComplete((value, error) -> cancelPending());
        }

        void schedule(Waiting wait, int checkNumber) {
            if (result.isDone()) {
                return;
            }
            transport.report(wait);
            track(transport.scheduler().schedule(() -> read(checkNumber), wait.delay().toMillis(),
                    TimeUnit.MILLISECONDS));
        }

        private void read(int checkNumber) {
            if (result.isDone()) {
                return;
            }
            CompletableFuture<T> answer;
            try {
                answer = check.get();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            track(answer);
            answer.whenComplete((value, error) -> {
                if (result.isDone()) {
                    return;
                }
                if (error != null) {
                    result.completeExceptionally(Futures.unwrap(error));
                    return;
                }
                try {
                    if (finished.test(value)) {
                        result.complete(value);
                    } else {
                        schedule(next.apply(value, checkNumber), checkNumber + 1);
                    }
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        }

        private void track(Future<?> future) {
            pending.set(future);
            // the result may have completed between scheduling and recording; do not leave the timer behind
            if (result.isDone()) {
                future.cancel(false);
            }
        }

        private void cancelPending() {
            Future<?> future = pending.get();
            if (future != null) {
                future.cancel(false);
            }
        }
    }
}
