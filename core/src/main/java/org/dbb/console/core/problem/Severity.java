package org.dbb.console.core.problem;

/** How serious a {@link Problem} is: errors block an action, warnings inform. Immutable. */
public enum Severity {
    ERROR,
    WARNING;

    /** The lower-case word used in {@code path:line:col: error: message} output. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
