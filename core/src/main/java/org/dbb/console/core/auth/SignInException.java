package org.dbb.console.core.auth;

import java.util.Objects;

/**
 * No token could be obtained, or the service rejected the one we had ("sign-in expired"). The message says what
 * the operator should do; it never contains a token or secret, and its cause is a scrubbed copy of the library's
 * failure. {@link #failure()} classifies the cause for the UI. Not modified after construction, so it may be
 * shared between the threads that waited for one token request.
 */
public class SignInException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SignInFailure failure;

    public SignInException(String message) {
        this(SignInFailure.OTHER, message);
    }

    public SignInException(String message, Throwable cause) {
        this(SignInFailure.OTHER, message, cause);
    }

    public SignInException(SignInFailure failure, String message) {
        super(message);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public SignInException(SignInFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** What kind of failure this is. */
    public SignInFailure failure() {
        return failure;
    }
}
