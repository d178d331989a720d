package org.dbb.console.core.workspace.params.resolve;

/** What to do with a variable whose target the {@link ReplacementContext} does not know. Immutable. */
public enum UnresolvedPolicy {

    /** Report it as an error, as fabric-cicd's publish would fail; the entry changes nothing. */
    FAIL,

    /**
     * For previews without a tenant: write the variable text itself (e.g. {@code $items.Lakehouse.LH.$id}) so it
     * stays visible, and report it as unresolved. Syntax errors still fail.
     */
    KEEP_PLACEHOLDER
}
