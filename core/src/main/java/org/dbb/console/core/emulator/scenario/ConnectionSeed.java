package org.dbb.console.core.emulator.scenario;

import java.util.Objects;

/**
 * A connection the emulator lists in {@code GET /v1/connections}. Immutable.
 *
 * @param id               the connection id (a GUID), e.g. the sandbox value from {@code parameter.yml}
 * @param displayName      its name
 * @param type             {@code connectionDetails.type}, e.g. {@code SQL}, {@code Web}, {@code AzureDataLakeStorage}
 * @param path             {@code connectionDetails.path}, e.g. a server or URL
 * @param connectivityType e.g. {@code ShareableCloud}
 */
public record ConnectionSeed(String id, String displayName, String type, String path, String connectivityType) {

    public ConnectionSeed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(connectivityType, "connectivityType");
    }
}
