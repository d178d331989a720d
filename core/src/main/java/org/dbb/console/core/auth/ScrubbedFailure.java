package org.dbb.console.core.auth;

/**
 * A library failure with its messages scrubbed of secrets, kept as the cause of a {@link SignInException} so that
 * a logged stack trace still shows where and why sign-in failed without repeating what the library put in its
 * text. Prints like the original ({@code type: message}) and carries the original stack frames.
 */
final class ScrubbedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 20;

    private ScrubbedFailure(Throwable original, Redactor redactor, int depth) {
        super(original.getClass().getName() + describe(original, redactor), next(original, redactor, depth), false,
                true);
        setStackTrace(original.getStackTrace());
    }

    static ScrubbedFailure of(Throwable original, Redactor redactor) {
        return new ScrubbedFailure(original, redactor, 0);
    }

    private static String describe(Throwable original, Redactor redactor) {
        String message = original.getMessage();
        return message == null ? "" : ": " + redactor.redact(message);
    }

    private static ScrubbedFailure next(Throwable original, Redactor redactor, int depth) {
        Throwable cause = original.getCause();
        if (cause == null || cause == original || depth >= MAX_DEPTH) {
            return null;
        }
        return new ScrubbedFailure(cause, redactor, depth + 1);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
