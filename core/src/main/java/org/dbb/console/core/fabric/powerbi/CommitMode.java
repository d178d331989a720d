package org.dbb.console.core.fabric.powerbi;

import org.dbb.console.core.fabric.http.WireEnum;

/**
 * How a refresh commits: all at once, or per batch ({@code PartialBatch} may leave the model partly loaded and
 * requires {@code applyRefreshPolicy: false}). Immutable.
 */
public enum CommitMode implements WireEnum {
    TRANSACTIONAL("Transactional"),
    PARTIAL_BATCH("PartialBatch");

    private final String wireName;

    CommitMode(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
