package org.dbb.console.core.fabric;

import java.util.Objects;
import java.util.Optional;

/**
 * A Fabric workspace (its id is also the Power BI group id). Immutable.
 *
 * @param id             the workspace id
 * @param displayName    the name
 * @param description    the description
 * @param type           the kind of workspace
 * @param capacityId     the capacity it runs on
 * @param capacityRegion the capacity's region
 * @param domainId       the domain it belongs to
 */
public record Workspace(String id, String displayName, Optional<String> description, WorkspaceType type,
        Optional<String> capacityId, Optional<String> capacityRegion, Optional<String> domainId) {

    public Workspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(capacityId, "capacityId");
        Objects.requireNonNull(capacityRegion, "capacityRegion");
        Objects.requireNonNull(domainId, "domainId");
    }
}
