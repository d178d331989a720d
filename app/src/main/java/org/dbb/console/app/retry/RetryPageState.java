package org.dbb.console.app.retry;

/**
 * What the retry-policy page is doing. {@code LOADING → READY | FAILED}; from {@code READY}: {@code REVIEWING}
 * (diff shown) {@code → SAVING → LOADING}, or {@code PUSHING → READY}. Immutable.
 */
public enum RetryPageState {
    /** Reading the workspace's pipeline files. */
    LOADING,
    /** Showing the policies; edits allowed. */
    READY,
    /** No workspace, or none of its pipelines could be read. */
    FAILED,
    /** Showing the diff of the pending changes before writing. */
    REVIEWING,
    /** Writing the files and the audit trail. */
    SAVING,
    /** Sending a pipeline definition to an environment. */
    PUSHING
}
