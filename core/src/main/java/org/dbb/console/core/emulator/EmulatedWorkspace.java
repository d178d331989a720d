package org.dbb.console.core.emulator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.dbb.console.core.workspace.config.VariableGroupRef;

/**
 * One emulated workspace (one environment of the repository) as the emulator serves it. Immutable.
 *
 * @param environment   the environment name from {@code dbb-console.yml}
 * @param id            the workspace id (also the Power BI group id)
 * @param displayName   the workspace name
 * @param sqlEndpoint   the SQL endpoint host of its warehouses and lakehouses
 * @param variableGroup where its Azure DevOps variable group is served
 * @param items         its items, repository order, each lakehouse followed by its SQL endpoint
 */
public record EmulatedWorkspace(String environment, UUID id, String displayName, String sqlEndpoint,
                                VariableGroupRef variableGroup, List<EmulatedItem> items) {

    public EmulatedWorkspace {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(sqlEndpoint, "sqlEndpoint");
        Objects.requireNonNull(variableGroup, "variableGroup");
        items = List.copyOf(items);
    }

    /** The item of that type and name. */
    public Optional<EmulatedItem> item(String type, String displayName) {
        return items.stream().filter(i -> i.type().equals(type) && i.displayName().equals(displayName)).findFirst();
    }

    /** The id of the item of that type and name; fails when there is none, for tests and wiring code. */
    public UUID itemId(String type, String name) {
        return item(type, name).map(EmulatedItem::id).orElseThrow(() -> new IllegalArgumentException(
                "the " + environment + " workspace has no " + type + " called '" + name + "'"));
    }
}
