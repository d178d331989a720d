package org.dbb.console.core.auth;

/**
 * No token could be obtained, or the service rejected the one we had ("sign-in expired"). The message says what
 * the operator should do; it never contains a token or secret.
 */
public class SignInException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SignInException(String message) {
        super(message);
    }

    public SignInException(String message, Throwable cause) {
        super(message, cause);
    }
}
