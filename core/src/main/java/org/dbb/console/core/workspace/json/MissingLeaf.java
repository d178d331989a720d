package org.dbb.console.core.workspace.json;

/** What a JSONPath edit does where the path's parent exists but its last member does not. Immutable. */
public enum MissingLeaf {
    /** Change only values that exist. */
    SKIP,
    /** Also add the member to objects that lack it. */
    INSERT
}
