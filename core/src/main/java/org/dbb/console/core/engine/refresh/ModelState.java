package org.dbb.console.core.engine.refresh;

/**
 * Where one model is in a conductor run. {@code QUEUED → REFRESHING → SUCCEEDED}, with detours through
 * {@code BUSY} (another refresh of the model executes in Power BI) and {@code WAITING} (retry interval or
 * throttling) back to {@code QUEUED}; any non-terminal state may end {@code CANCELLED}, {@code REFRESHING} may end
 * {@code FAILED}. Terminal: {@link #SUCCEEDED}, {@link #FAILED}, {@link #CANCELLED}. Immutable.
 */
public enum ModelState {
    /** Ready, waiting for a concurrency slot. */
    QUEUED,
    /** Another refresh of the model is executing in Power BI; holds no slot. */
    BUSY,
    /** Waiting for a retry or for throttling to pass; holds no slot. */
    WAITING,
    /** Our refresh was requested or is running; holds a slot. */
    REFRESHING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
