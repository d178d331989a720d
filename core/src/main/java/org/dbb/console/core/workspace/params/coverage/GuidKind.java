package org.dbb.console.core.workspace.params.coverage;

/** What a GUID in an item file most likely identifies, judged from the key or URL segment that names it. */
public enum GuidKind {

    /** A workspace ({@code workspaceId}, {@code default_lakehouse_workspace_id}, {@code /groups/…}). */
    WORKSPACE_ID("workspace id"),
    /** An item: notebook, pipeline, lakehouse, semantic model… ({@code artifactId}, {@code notebookId}). */
    ITEM_ID("item id"),
    /** A connection or gateway ({@code connection}, {@code connectionId}, {@code gatewayId}). */
    CONNECTION("connection"),
    /**
     * A semantic model's own object id in TMDL (a {@code lineageTag}, a relationship's name): it identifies an
     * object inside the model and is the same in every workspace.
     */
    MODEL_OBJECT_ID("TMDL object id"),
    /** Nothing around the GUID says what it is. */
    UNKNOWN("unknown");

    private final String label;

    GuidKind(String label) {
        this.label = label;
    }

    /** How the operator reads it, e.g. {@code workspace id}. */
    public String label() {
        return label;
    }
}
