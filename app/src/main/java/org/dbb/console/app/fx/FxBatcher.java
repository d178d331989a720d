package org.dbb.console.app.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The one way events reach the FX thread: producers on any thread {@link #post} events, and the consumer receives
 * them in order, in batches, on the FX executor. At most one hand-over is queued at a time, so a burst of thousands
 * of events costs one {@code runLater} per pulse instead of one each. Thread-safe.
 *
 * @param <T> the event type
 */
public final class FxBatcher<T> {

    private final Executor fx;
    private final Consumer<List<T>> consumer;
    private final Queue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /**
     * @param fx       the FX executor ({@link FxExecutor} in the app, a direct executor in view-model tests)
     * @param consumer receives each batch on {@code fx}, never empty
     */
    public FxBatcher(Executor fx, Consumer<List<T>> consumer) {
        this.fx = Objects.requireNonNull(fx, "fx");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /** Queues {@code event} for the next batch. Never blocks. */
    public void post(T event) {
        pending.add(Objects.requireNonNull(event, "event"));
        if (scheduled.compareAndSet(false, true)) {
            fx.execute(this::drain);
        }
    }

    private void drain() {
        // Cleared before draining: an event posted while we drain either lands in this batch or schedules the next.
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T event = pending.poll(); event != null; event = pending.poll()) {
            batch.add(event);
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }
}
