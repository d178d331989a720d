package org.dbb.console.core.engine.refresh;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers listener calls in the order they were posted, one at a time, on whichever thread drains: posting
 * happens under the run's lock (which fixes the order), delivery after the lock is released (so a listener may
 * call back into the run). Nothing a listener throws escapes. Thread-safe.
 */
final class ListenerQueue {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerQueue.class);

    private final Queue<Runnable> calls = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    /** Queues {@code call}; {@code what} names it in the log if it throws. */
    void post(String what, Runnable call) {
        calls.add(() -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                LOG.warn("refresh conductor listener threw in {}; the run goes on", what, e);
            }
        });
    }

    /**
     * Runs the queued calls unless another thread is already running them (that thread then runs these too).
     * The re-check after releasing the flag closes the gap where a call is posted just as a drain finishes.
     */
    void drain() {
        while (!calls.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                Runnable call;
                while ((call = calls.poll()) != null) {
                    call.run();
                }
            } finally {
                draining.set(false);
            }
        }
    }
}
