package org.dbb.console.core.monitoring;

/**
 * A live feed of new monitoring rows; {@link #close()} stops it. Thread-safe: close may be called from any thread,
 * also from inside the consumer. After close returns no new batch starts (one already being delivered finishes).
 */
public interface Subscription extends AutoCloseable {

    /** The highest id handled so far: every row up to it was delivered or did not match the filter. */
    long lastId();

    @Override
    void close();
}
