package org.dbb.console.core.engine;

import java.util.Objects;

/**
 * Names one monitoring row a run writes, independently of what the row holds: the step, its attempt and which of
 * the attempt's rows it is ({@code start}, {@code end}, {@code skipped}, {@code breach 2}, {@code overrun}). The
 * journal records the marks of stored rows, so a resumed run knows which rows exist. Immutable.
 *
 * @param step    the step the row belongs to
 * @param attempt the attempt (1 for rows of a step that made none)
 * @param kind    which row of the attempt
 */
public record RowMark(StepKey step, int attempt, String kind) {

    public static final String START = "start";
    public static final String END = "end";
    public static final String SKIPPED = "skipped";
    public static final String OVERRUN = "overrun";
    public static final String RULE = "rule ";

    public RowMark {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(kind, "kind");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1, was " + attempt);
        }
    }

    /** The {@code index}th (from 1) threshold breach a notebook attempt reported. */
    public static String breach(int index) {
        return "breach " + index;
    }
}
