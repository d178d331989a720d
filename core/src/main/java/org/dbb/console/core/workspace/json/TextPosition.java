package org.dbb.console.core.workspace.json;

/**
 * A place in a text file as people count it: 1-based line and column (0 when unknown). Immutable.
 *
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column in characters, or 0 when unknown
 */
public record TextPosition(int line, int column) {

    private static final TextPosition UNKNOWN = new TextPosition(0, 0);

    public TextPosition {
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    /** The position used when nothing better is known. */
    public static TextPosition unknown() {
        return UNKNOWN;
    }
}
