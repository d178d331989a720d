package org.dbb.console.app.params;

/** What a matrix cell shows, which decides its style. */
public enum CellState {
    /** The value as saved in the file. */
    SAVED,
    /** Changed by a pending edit, not yet saved. */
    PENDING,
    /** The entry has no value for this environment (fabric-cicd skips it there). */
    MISSING,
    /** Written in an {@code extend} template or otherwise not editable here. */
    READ_ONLY
}
