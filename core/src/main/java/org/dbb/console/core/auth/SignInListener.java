package org.dbb.console.core.auth;

/**
 * Receives sign-in status changes. Called on whichever thread changed the status (a sign-in or token request,
 * never the UI thread by design), so implementations must be fast, must not block, and hand over to the UI thread
 * themselves. Exceptions thrown by a listener are logged and otherwise ignored.
 */
@FunctionalInterface
public interface SignInListener {

    /** A listener that ignores everything. */
    SignInListener NONE = status -> { };

    /** The status of {@code status.environment()} is now {@code status}. */
    void statusChanged(SignInStatus status);
}
