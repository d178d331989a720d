package org.dbb.console.core.expr;

/** An expression that parsed but cannot be evaluated against the run's state (missing reference, wrong type). */
public final class ExpressionEvaluationException extends RuntimeException {

    public ExpressionEvaluationException(String message) {
        super(message);
    }

    public ExpressionEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
