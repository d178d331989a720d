package org.dbb.console.core.workspace.params.resolve;

/** The publish-time steps that can change an item file, in the order fabric-cicd runs them. Immutable. */
public enum ReplacementStep {
    /** fabric-cicd step 2: logicalIds of repository items become deployed ids (opt-in). */
    LOGICAL_IDS,
    /** Step 3a: {@code key_value_replace}, every entry in file order. */
    KEY_VALUE_REPLACE,
    /** Step 3b: {@code find_replace}, every entry in file order, after all {@code key_value_replace} entries. */
    FIND_REPLACE,
    /** fabric-cicd step 4: all-zero workspace ids become the target workspace id (opt-in). */
    WORKSPACE_IDS
}
