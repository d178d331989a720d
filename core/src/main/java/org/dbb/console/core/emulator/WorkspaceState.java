package org.dbb.console.core.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One emulated Fabric workspace (one environment of the repository) and its items. Not thread-safe: guarded by
 * the emulator's state lock.
 */
final class WorkspaceState {

    private final UUID id;
    private final String environment;
    private final String displayName;
    private final UUID capacityId;
    private final String sqlEndpointHost;
    private final Map<UUID, ItemState> items = new LinkedHashMap<>();

    WorkspaceState(UUID id, String environment, String displayName, UUID capacityId, String sqlEndpointHost) {
        this.id = id;
        this.environment = environment;
        this.displayName = displayName;
        this.capacityId = capacityId;
        this.sqlEndpointHost = sqlEndpointHost;
    }

    UUID id() {
        return id;
    }

    String environment() {
        return environment;
    }

    String displayName() {
        return displayName;
    }

    UUID capacityId() {
        return capacityId;
    }

    /** The TDS host shared by the workspace's warehouses and lakehouse SQL endpoints. */
    String sqlEndpointHost() {
        return sqlEndpointHost;
    }

    void add(ItemState item) {
        items.put(item.id(), item);
    }

    List<ItemState> items() {
        return new ArrayList<>(items.values());
    }

    Optional<ItemState> item(UUID itemId) {
        return Optional.ofNullable(items.get(itemId));
    }

    /** The item a pipeline reference (id or logicalId) points at. */
    Optional<ItemState> byReference(String reference) {
        return items.values().stream().filter(i -> i.isReferencedBy(reference)).findFirst();
    }

    Optional<ItemState> byName(String type, String name, Instant now) {
        return items.values().stream().filter(i -> i.is(type) && i.displayName(now).equals(name)).findFirst();
    }
}
