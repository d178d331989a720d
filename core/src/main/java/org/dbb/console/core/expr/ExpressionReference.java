package org.dbb.console.core.expr;

import java.util.Objects;

/**
 * One thing an expression reads, so a plan can tell which steps an input depends on. Immutable.
 *
 * @param kind what is read
 * @param name the parameter, variable or activity name; empty for {@link Kind#ITEM} and the run-level values
 */
public record ExpressionReference(Kind kind, String name) {

    /** The sources an expression can read. */
    public enum Kind { PARAMETER, VARIABLE, ACTIVITY_OUTPUT, ITEM, RUN_ID, TRIGGER_TIME }

    public ExpressionReference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
