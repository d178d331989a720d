package org.dbb.console.core.fabric;

import java.util.Objects;
import java.util.Optional;

/**
 * A Fabric item. {@code type} stays a string ({@code DataPipeline}, {@code Notebook}, {@code SemanticModel} …):
 * Fabric has about fifty item types and adds more. A semantic model's id is its Power BI dataset id. Immutable.
 *
 * @param id          the item id
 * @param displayName the name
 * @param description the description
 * @param type        the item type as Fabric spells it
 * @param workspaceId the workspace holding it
 * @param folderId    the folder holding it, when not at the root
 */
public record Item(String id, String displayName, Optional<String> description, String type, String workspaceId,
        Optional<String> folderId) {

    public Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(folderId, "folderId");
    }
}
