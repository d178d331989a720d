package org.dbb.console.core.expr;

/**
 * Where a piece of an expression sits in the text it was parsed from, so errors can quote exactly that piece.
 * Immutable.
 *
 * @param start zero-based offset of the first character
 * @param end   offset just past the last character
 */
record Span(int start, int end) {

    /** The characters this span covers. */
    String of(String text) {
        return text.substring(start, end);
    }

    /** A span from this one's start to {@code other}'s end. */
    Span to(Span other) {
        return new Span(start, other.end);
    }
}
