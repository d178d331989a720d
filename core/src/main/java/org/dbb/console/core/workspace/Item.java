package org.dbb.console.core.workspace;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One Fabric item of a workspace repository: a folder holding a {@code .platform} file. Immutable.
 *
 * @param folder      the item's folder (absolute)
 * @param type        {@code metadata.type}, e.g. {@code DataPipeline}
 * @param displayName {@code metadata.displayName}: the name filters, {@code $items} variables and bindings use
 * @param logicalId   {@code config.logicalId}: the id that same-workspace references use in Git
 * @param description {@code metadata.description}, when present
 */
public record Item(Path folder, String type, String displayName, String logicalId, Optional<String> description) {

    /** The logicalId Fabric writes for "this workspace" and for items exported without a real logical id. */
    public static final String ZERO_GUID = "00000000-0000-0000-0000-000000000000";

    public Item {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(description, "description");
    }

    /** The {@code .platform} file of this item. */
    public Path platformFile() {
        return folder.resolve(".platform");
    }

    /** Whether the item is of {@code type} (exact, as fabric-cicd compares). */
    public boolean is(String otherType) {
        return type.equals(otherType);
    }

    /** A short label for messages: {@code Notebook 'NB Load'}. */
    public String label() {
        return type + " '" + displayName + "'";
    }
}
