package org.dbb.console.core.expr;

/** A pipeline value that does not parse, or calls a function the console cannot evaluate. Immutable. */
public final class ExpressionSyntaxException extends RuntimeException {

    private final String text;
    private final int offset;

    public ExpressionSyntaxException(String message, String text, int offset) {
        super(message);
        this.text = text;
        this.offset = offset;
    }

    /** The whole value that failed to parse. */
    public String text() {
        return text;
    }

    /** Zero-based offset into {@link #text()} where the problem starts. */
    public int offset() {
        return offset;
    }
}
