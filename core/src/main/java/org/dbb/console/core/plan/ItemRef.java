package org.dbb.console.core.plan;

import java.util.Objects;

/**
 * A Fabric item a step runs, resolved from the repository to the environment's workspace. Immutable.
 *
 * @param type        the Fabric item type, e.g. {@code DataPipeline}
 * @param displayName the item's name
 * @param workspaceId the environment's workspace id
 * @param id          the item's id in that workspace
 */
public record ItemRef(String type, String displayName, String workspaceId, String id) {

    public ItemRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
    }
}
