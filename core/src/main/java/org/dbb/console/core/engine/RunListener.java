package org.dbb.console.core.engine;

/**
 * Receives the events of one run, in the order they happened, one at a time (never concurrently), on an engine
 * thread. Must be fast and should not block: hand the event to the UI thread or a queue. Anything it throws is
 * logged and ignored; the listener keeps receiving events and the run is not affected.
 */
@FunctionalInterface
public interface RunListener {

    void onEvent(RunEvent event);

    /** A listener that ignores every event. */
    static RunListener none() {
        return event -> { };
    }
}
