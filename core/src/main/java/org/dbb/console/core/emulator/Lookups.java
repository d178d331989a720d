package org.dbb.console.core.emulator;

import java.util.Optional;
import java.util.UUID;

/** Finds the workspace and item a Fabric or Power BI path names, refusing as the services do. Stateless. */
final class Lookups {

    private final EmulatedTenant tenant;

    Lookups(EmulatedTenant tenant) {
        this.tenant = tenant;
    }

    WorkspaceState workspace(ApiRequest request, String param) {
        String id = request.param(param);
        return uuid(id).flatMap(tenant::workspace).orElseThrow(() -> ApiError.notFound("WorkspaceNotFound",
                "The requested workspace '" + id + "' was not found."));
    }

    ItemState item(WorkspaceState ws, ApiRequest request, String param) {
        String id = request.param(param);
        return uuid(id).flatMap(ws::item).orElseThrow(() -> ApiError.notFound("ItemNotFound",
                "The requested item '" + id + "' was not found in workspace '" + ws.id() + "'."));
    }

    static Optional<UUID> uuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            // UUID.fromString accepts short groups; only the canonical 36-character form is an id here.
            return text.length() == 36 ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
