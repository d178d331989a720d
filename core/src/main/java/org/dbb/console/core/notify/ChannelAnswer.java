package org.dbb.console.core.notify;

import java.time.Duration;
import java.util.Optional;

/**
 * The channel answered one attempt with a status other than 2xx (or a 2xx whose text reports throttling, as
 * legacy Teams connectors do). The message holds the status and a scrubbed excerpt of the body, never the URL.
 * Not modified after construction.
 */
final class ChannelAnswer extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Optional<Duration> retryAfter;

    ChannelAnswer(int status, String message, Optional<Duration> retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** Throttling and server-side failures may pass; any other answer means the request itself was refused. */
    boolean retriable() {
        return status == 429 || status >= 500;
    }
}
