package org.dbb.console.app.params;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay, so typing can be validated once the operator pauses. Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface DelayedExecutor {

    /** Runs {@code task} after {@code delay} on some thread. */
    void schedule(Runnable task, Duration delay);

    /** Delays on {@code timer}. */
    static DelayedExecutor on(ScheduledExecutorService timer) {
        return (task, delay) -> timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs at once on the calling thread: for tests without a clock. */
    static DelayedExecutor immediate() {
        return (task, delay) -> task.run();
    }
}
