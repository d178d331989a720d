package org.dbb.console.core.workspace.params.coverage;

/** Whether a deployment to the chosen environment changes a GUID, and who changes it. */
public enum CoverageState {

    /** Nothing changes it: the target workspace would receive the repository's value. */
    UNCOVERED,
    /** A {@code find_replace} or {@code key_value_replace} entry of {@code parameter.yml} replaces it. */
    PARAMETER_ENTRY,
    /**
     * fabric-cicd replaces it itself: a repository item's logicalId, or an all-zero {@code workspaceId}/
     * {@code workspace}/{@code default_lakehouse_workspace_id}.
     */
    FABRIC_CICD
}
