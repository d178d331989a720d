package org.dbb.console.core.engine;

import java.util.Objects;

/**
 * Identifies a step within a run: its stage and its path from the top-level activity, segments joined by
 * {@code /}, e.g. {@code Run maintenance if requested/Clean up retained files}, {@code Refresh semantic models/Sales}
 * or, for one item of a fan-out, {@code Load tables/[3] fct_sales/Copy table}. Activity names cannot contain
 * {@code /} (Fabric rejects it), and item labels have it replaced, so the path splits back unambiguously. Immutable.
 *
 * @param stage the stage name
 * @param path  the path of activity names and fan-out item segments
 */
public record StepKey(String stage, String path) {

    public StepKey {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(path, "path");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a step path must not be empty");
        }
    }

    /** A top-level activity of {@code stage}. */
    public static StepKey of(String stage, String activity) {
        return new StepKey(stage, activity);
    }

    /** A step nested in this one: a branch activity, a fan-out's inner activity or a semantic model. */
    public StepKey child(String name) {
        return new StepKey(stage, path + "/" + name);
    }

    /** Item {@code index} (0-based) of this fan-out, labelled for operators. */
    public StepKey item(int index, String label) {
        return new StepKey(stage, path + "/[" + index + "] " + label.replace('/', '-'));
    }

    /** The top-level activity this step belongs to (the first path segment). */
    public String activity() {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    /** The last path segment. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Whether this is a top-level activity of its stage. */
    public boolean isTopLevel() {
        return path.indexOf('/') < 0;
    }

    @Override
    public String toString() {
        return stage + ": " + path;
    }
}
