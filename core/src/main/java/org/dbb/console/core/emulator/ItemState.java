package org.dbb.console.core.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.dbb.console.core.workspace.Item;

/**
 * One item of an emulated workspace with the history of its definition. Not thread-safe: guarded by the
 * emulator's state lock.
 */
final class ItemState {

    private final UUID id;
    private final UUID workspaceId;
    private final String type;
    private final String logicalId;
    private final List<ItemVersion> versions = new ArrayList<>();

    ItemState(UUID id, UUID workspaceId, String type, String logicalId, ItemVersion first) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.type = type;
        this.logicalId = logicalId;
        versions.add(first);
    }

    UUID id() {
        return id;
    }

    UUID workspaceId() {
        return workspaceId;
    }

    String type() {
        return type;
    }

    String logicalId() {
        return logicalId;
    }

    boolean is(String otherType) {
        return type.equals(otherType);
    }

    /** The version current at {@code now}. */
    ItemVersion at(Instant now) {
        ItemVersion current = versions.get(0);
        for (ItemVersion v : versions) {
            if (!v.effectiveFrom().isAfter(now)) {
                current = v;
            }
        }
        return current;
    }

    String displayName(Instant now) {
        return at(now).displayName();
    }

    void addVersion(ItemVersion version) {
        versions.add(Objects.requireNonNull(version));
    }

    /**
     * Whether a reference from pipeline JSON means this item: its id, or its Git logicalId (same-workspace
     * references in a repository use logicalIds; the all-zero placeholder never matches).
     */
    boolean isReferencedBy(String reference) {
        if (reference == null) {
            return false;
        }
        String ref = reference.trim();
        return ref.equalsIgnoreCase(id.toString())
                || (!logicalId.equals(Item.ZERO_GUID) && ref.equalsIgnoreCase(logicalId));
    }
}
