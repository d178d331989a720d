package org.dbb.console.core.engine;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Combines listeners: each receives every event, and one that throws never keeps the event from the others. */
public final class RunListeners {

    private static final Logger LOG = LoggerFactory.getLogger(RunListeners.class);

    private RunListeners() {
    }

    /** A listener passing each event to {@code first}, then {@code second}. */
    public static RunListener both(RunListener first, RunListener second) {
        List<RunListener> all = List.of(first, second);
        return event -> {
            for (RunListener listener : all) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("A run listener failed on {}; the others still get it", event.getClass().getSimpleName(),
                            e);
                }
            }
        };
    }
}
