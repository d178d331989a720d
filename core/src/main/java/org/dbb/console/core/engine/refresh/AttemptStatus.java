package org.dbb.console.core.engine.refresh;

/** How one refresh attempt of a model ended. Immutable. */
public enum AttemptStatus {
    /** Power BI reported the refresh Completed. */
    SUCCEEDED,
    /** Power BI reported it Failed or Disabled, or the request or its polling failed. */
    FAILED,
    /** Cancelled: by {@link ConductorRun#cancel()} or by someone else in Power BI. */
    CANCELLED,
    /** It ran past the policy's attempt timeout and the conductor cancelled it, or Power BI's own timeout hit. */
    TIMED_OUT
}
