package org.dbb.console.core.engine.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every conductor callback in arrival order, and counts our refreshes in flight as the callbacks tell it
 * (started +1, ended with a refresh id -1). Thread-safe.
 */
final class RecordingConductorListener implements ConductorListener {

    /** One callback. */
    record Event(String kind, String model, int attempt, Object detail, int runningBefore, long nanos) {
    }

    private final List<Event> events = new ArrayList<>();
    private final CountDownLatch started;
    private int running;
    private int maxRunning;

    RecordingConductorListener() {
        this(1);
    }

    /** A listener whose {@link #awaitStarts()} returns after {@code starts} attempts started. */
    RecordingConductorListener(int starts) {
        this.started = new CountDownLatch(starts);
    }

    @Override
    public synchronized void waiting(String model, ModelWait reason) {
        add("waiting", model, 0, reason);
    }

    @Override
    public void attemptStarted(String model, int attempt, String refreshId, Instant at) {
        synchronized (this) {
            add("started", model, attempt, refreshId);
            running++;
            maxRunning = Math.max(maxRunning, running);
        }
        started.countDown();
    }

    @Override
    public synchronized void attemptEnded(String model, int attempt, RefreshOutcome outcome, Instant at) {
        add("ended", model, attempt, outcome);
        if (outcome.refreshId().isPresent()) {
            running--;
        }
    }

    @Override
    public synchronized void overrun(String model, Duration elapsed, Duration target) {
        add("overrun", model, 0, elapsed);
    }

    private void add(String kind, String model, int attempt, Object detail) {
        events.add(new Event(kind, model, attempt, detail, running, System.nanoTime()));
    }

    void awaitStarts() throws InterruptedException {
        if (!started.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("the expected attempts did not start; events: " + events());
        }
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    synchronized List<Event> events(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    synchronized List<Event> events(String kind, String model) {
        return events.stream().filter(e -> e.kind().equals(kind) && e.model().equals(model)).toList();
    }

    /** The waits reported for {@code model}. */
    synchronized List<ModelWait> waits(String model) {
        return events("waiting", model).stream().map(e -> (ModelWait) e.detail()).toList();
    }

    synchronized int maxRunning() {
        return maxRunning;
    }

    synchronized int indexOf(String kind, String model) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind().equals(kind) && events.get(i).model().equals(model)) {
                return i;
            }
        }
        return -1;
    }
}
