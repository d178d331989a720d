package org.dbb.console.core.audit;

/** The kinds of operator intervention the audit trail records. */
public enum AuditAction {
    LAUNCH("Launched a run"),
    CANCEL("Cancelled a run"),
    RERUN("Re-ran part of a run"),
    RESUME("Resumed an interrupted run"),
    RETRY_POLICY_EDIT("Changed a retry policy"),
    CONCURRENCY_CHANGE("Changed the refresh concurrency"),
    PARAMETER_EDIT("Changed parameter.yml"),
    MODEL_SELECTION("Chose the semantic models to refresh"),
    DEFINITION_PUSH("Pushed a pipeline definition to an environment"),
    // settings page
    SETTINGS_EDIT("Changed an environment's settings");

    private final String description;

    AuditAction(String description) {
        this.description = description;
    }

    /** What the action is, in a release note's words. */
    public String description() {
        return description;
    }
}
