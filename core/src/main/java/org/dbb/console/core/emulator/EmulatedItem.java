package org.dbb.console.core.emulator;

import java.util.Objects;
import java.util.UUID;

/**
 * An item of an emulated workspace as the emulator serves it. Immutable.
 *
 * @param id          the item id (for a semantic model, also its Power BI dataset id)
 * @param type        the Fabric item type, e.g. {@code DataPipeline}
 * @param displayName the item name
 * @param logicalId   the repository's {@code config.logicalId} (all zeros for items Fabric adds, e.g. SQL endpoints)
 */
public record EmulatedItem(UUID id, String type, String displayName, String logicalId) {

    public EmulatedItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(logicalId, "logicalId");
    }
}
