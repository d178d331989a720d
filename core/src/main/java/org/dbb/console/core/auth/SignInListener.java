package org.dbb.console.core.auth;

/**
 * Receives sign-in status changes. Called on the thread that changed the status (the caller of
 * {@code tokensFor}, {@code token}, {@code signIn} or {@code signOut}, or an azure-identity worker), while the
 * environment's status is locked so calls arrive in order: implementations must be fast, must not block or call
 * back into sign-in, and hand over to the UI thread themselves. Exceptions thrown by a listener are logged and
 * otherwise ignored.
 */
@FunctionalInterface
public interface SignInListener {

    /** A listener that ignores everything. */
    SignInListener NONE = status -> { };

    /** The status of {@code status.environment()} is now {@code status}. */
    void statusChanged(SignInStatus status);
}
