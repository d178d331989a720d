package org.dbb.console.core.deploy;

/**
 * A push that did not complete, saying whether the environment may have received the definition so the operator
 * knows whether to check it there. Not modified after construction.
 */
public final class PushException extends RuntimeException {

    private final boolean definitionSent;

    public PushException(String message, boolean definitionSent, Throwable cause) {
        super(message, cause);
        this.definitionSent = definitionSent;
    }

    /** Whether the update request was sent (its outcome may then be unknown); false means nothing changed there. */
    public boolean definitionSent() {
        return definitionSent;
    }
}
