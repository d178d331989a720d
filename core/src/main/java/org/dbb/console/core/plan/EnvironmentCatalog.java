package org.dbb.console.core.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the console looked up about one environment's Fabric workspace: its id and name, its capacity, the items
 * deployed in it and the connections the signed-in account can use. Plans are built from it without further
 * network calls. Immutable and thread-safe.
 *
 * @param environment   the environment name in {@code dbb-console.yml}
 * @param workspaceId   the workspace id (also the Power BI group id)
 * @param workspaceName the workspace display name
 * @param capacityId    the capacity the workspace runs on, when Fabric said
 * @param items         the workspace's items, in the order Fabric listed them
 * @param connections   the connections visible to the signed-in account
 */
public record EnvironmentCatalog(String environment, String workspaceId, String workspaceName,
                                 Optional<String> capacityId, List<CatalogItem> items,
                                 List<CatalogConnection> connections) {

    public EnvironmentCatalog {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(workspaceName, "workspaceName");
        Objects.requireNonNull(capacityId, "capacityId");
        items = List.copyOf(items);
        connections = List.copyOf(connections);
    }

    /** The item of that type and display name (both exact, as Fabric keeps them unique per type). */
    public Optional<CatalogItem> item(String type, String displayName) {
        return items.stream().filter(i -> i.type().equals(type) && i.displayName().equals(displayName)).findFirst();
    }

    /** The item with that id (compared without case, as GUIDs are). */
    public Optional<CatalogItem> itemById(String id) {
        return items.stream().filter(i -> i.id().equalsIgnoreCase(id)).findFirst();
    }

    /** Every item of one type. */
    public List<CatalogItem> itemsOfType(String type) {
        return items.stream().filter(i -> i.type().equals(type)).toList();
    }

    /** The item as a reference the engine can run. */
    public ItemRef refTo(CatalogItem item) {
        return new ItemRef(item.type(), item.displayName(), workspaceId, item.id());
    }

    /** A short label for messages: {@code workspace 'DBB-DEV'}. */
    public String workspaceLabel() {
        return "workspace '" + workspaceName + "'";
    }

    /**
     * One item deployed in the workspace. Immutable.
     *
     * @param type        the Fabric item type, e.g. {@code Notebook}
     * @param displayName its name
     * @param id          its id
     */
    public record CatalogItem(String type, String displayName, String id) {

        public CatalogItem {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * One connection. Immutable.
     *
     * @param id   the connection id pipelines refer to
     * @param name its display name
     * @param type the source type, e.g. {@code SQL}, when Fabric said
     */
    public record CatalogConnection(String id, String name, Optional<String> type) {

        public CatalogConnection {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }
}
