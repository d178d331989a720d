package org.dbb.console.core.fabric.http;

/**
 * Told about every wait a call makes (a retry after throttling or an outage, the next status check of a
 * long-running operation). Called on the thread that schedules the wait; must be fast and must not throw —
 * anything it throws is logged and ignored.
 */
@FunctionalInterface
public interface WaitListener {

    void waiting(Waiting waiting);

    /** A listener that ignores every wait. */
    static WaitListener none() {
        return waiting -> { };
    }
}
