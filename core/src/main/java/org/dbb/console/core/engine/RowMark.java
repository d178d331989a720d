package org.dbb.console.core.engine;

import java.util.Objects;

/**
 * Names one monitoring row a run writes, independently of what the row holds: the step, its attempt and which of
 * the attempt's rows it is ({@code start}, {@code end}, {@code skipped}, {@code breach 2}, {@code overrun},
 * {@code copy …}, {@code rule 1.2}). The journal records the marks of stored rows, so a resumed run knows which rows
 * exist. Immutable.
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

    /**
     * The row of one Copy activity run inside the attempt's pipeline run, named by the activity run id (dashes
     * dropped, so a GUID fits the journal's 40 characters).
     */
    public static String copy(String activityRunId) {
        String compact = activityRunId.replace("-", "");
        return "copy " + (compact.length() > 35 ? compact.substring(0, 35) : compact);
    }

    /** The {@code index}th (from 1) breach of monitoring rule {@code rule} (its 1-based place in the settings). */
    public static String rule(int rule, int index) {
        return RULE + rule + "." + index;
    }
}
