package org.dbb.console.core.fabric;

import java.util.Objects;
import java.util.Optional;

/**
 * A Fabric connection; pipelines refer to it by id ({@code externalReferences.connection}). Immutable.
 *
 * @param id               the connection id
 * @param displayName      the name
 * @param connectivityType how it reaches the source
 * @param gatewayId        the gateway, for gateway connections
 * @param connectionType   the source type, e.g. {@code SQL}, {@code Web}
 * @param path             the source path, e.g. a server and database
 * @param privacyLevel     the privacy level
 * @param credentialType   e.g. {@code OAuth2}, {@code ServicePrincipal}
 */
public record Connection(String id, String displayName, ConnectivityType connectivityType,
        Optional<String> gatewayId, Optional<String> connectionType, Optional<String> path, PrivacyLevel privacyLevel,
        Optional<String> credentialType) {

    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(connectivityType, "connectivityType");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(connectionType, "connectionType");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(privacyLevel, "privacyLevel");
        Objects.requireNonNull(credentialType, "credentialType");
    }
}
