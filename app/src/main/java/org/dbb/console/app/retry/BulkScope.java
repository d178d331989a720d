package org.dbb.console.app.retry;

/** Which rows a bulk edit or a reset changes. Immutable. */
public enum BulkScope {
    /** The rows selected in the table. */
    SELECTED,
    /** Every row the filters show. */
    FILTERED
}
