package org.dbb.console.core.workspace.params.resolve;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An item that exists in a Fabric workspace, with the attributes fabric-cicd's {@code $items} variables can read.
 * Immutable.
 *
 * @param type            the item type, e.g. {@code Lakehouse}
 * @param displayName     the display name (compared exactly)
 * @param id              the item id ({@code $id})
 * @param sqlEndpoint     the SQL connection string or server name ({@code $sqlendpoint}), when the item has one
 * @param sqlEndpointId   the SQL analytics endpoint item id ({@code $sqlendpointid}), when the item has one
 * @param queryServiceUri the Eventhouse query URI ({@code $queryserviceuri}), when the item has one
 */
public record DeployedItem(String type, String displayName, String id, Optional<String> sqlEndpoint,
                           Optional<String> sqlEndpointId, Optional<String> queryServiceUri) {

    public DeployedItem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sqlEndpoint, "sqlEndpoint");
        Objects.requireNonNull(sqlEndpointId, "sqlEndpointId");
        Objects.requireNonNull(queryServiceUri, "queryServiceUri");
    }

    /** An item known only by its id. */
    public static DeployedItem of(String type, String displayName, String id) {
        return new DeployedItem(type, displayName, id, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public DeployedItem withSqlEndpoint(String value) {
        return new DeployedItem(type, displayName, id, Optional.of(value), sqlEndpointId, queryServiceUri);
    }

    public DeployedItem withSqlEndpointId(String value) {
        return new DeployedItem(type, displayName, id, sqlEndpoint, Optional.of(value), queryServiceUri);
    }

    public DeployedItem withQueryServiceUri(String value) {
        return new DeployedItem(type, displayName, id, sqlEndpoint, sqlEndpointId, Optional.of(value));
    }

    /** The attribute by fabric-cicd's lower-case name ({@code id}, {@code sqlendpoint}, …); empty when unknown. */
    public Optional<String> attribute(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "id" -> Optional.of(id).filter(v -> !v.isEmpty());
            case "sqlendpoint" -> sqlEndpoint.filter(v -> !v.isEmpty());
            case "sqlendpointid" -> sqlEndpointId.filter(v -> !v.isEmpty());
            case "queryserviceuri" -> queryServiceUri.filter(v -> !v.isEmpty());
            default -> Optional.empty();
        };
    }

    /** Whether this item is of {@code otherType} named {@code name} (both exact, as fabric-cicd compares). */
    public boolean is(String otherType, String name) {
        return type.equals(otherType) && displayName.equals(name);
    }
}
