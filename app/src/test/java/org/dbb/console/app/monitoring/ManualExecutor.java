package org.dbb.console.app.monitoring;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;

/**
 * An executor whose tasks run only when the test thread drains it: stands in for the FX thread in view-model
 * tests, so every property changes on the test's own thread. Thread-safe to submit to.
 */
final class ManualExecutor implements Executor {

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable command) {
        tasks.add(command);
    }

    /** Runs what is queued, including what those tasks queue; returns how many ran. */
    int runPending() {
        int ran = 0;
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
            ran++;
        }
        return ran;
    }

    /** Drains until {@code condition} holds, failing after {@code timeout}. */
    void runUntil(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            runPending();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            try {
                Runnable next = tasks.poll(20, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (next != null) {
                    next.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }

    void runUntil(BooleanSupplier condition, String what) {
        runUntil(condition, Duration.ofSeconds(20), what);
    }
}
