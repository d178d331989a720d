package org.dbb.console.core.emulator;

import java.util.Optional;
import java.util.Set;

import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.params.resolve.DeployedItem;
import org.dbb.console.core.workspace.params.resolve.ReplacementContext;

/**
 * The ids the sandbox gives a repository's items, as the context that resolves {@code $items} and
 * {@code $workspace} variables, so a sandbox preview shows the values a sandbox run would use. Stateless.
 */
public final class SandboxReplacements {

    /** Types whose SQL connection string {@code $items.<Type>.<Name>.$sqlendpoint} resolves to. */
    private static final Set<String> SQL_TYPES = Set.of("Lakehouse", "Warehouse", "MirroredDatabase", "SQLDatabase");

    private SandboxReplacements() {
    }

    /** The replacement context of one emulated workspace. */
    public static ReplacementContext of(EmulatedWorkspace workspace) {
        ReplacementContext.Builder context = ReplacementContext.builder()
                .workspace(workspace.id().toString(), workspace.displayName());
        for (EmulatedItem item : workspace.items()) {
            if (item.type().equals("SQLEndpoint")) {
                continue;
            }
            DeployedItem deployed = DeployedItem.of(item.type(), item.displayName(), item.id().toString());
            if (SQL_TYPES.contains(item.type())) {
                deployed = deployed.withSqlEndpoint(workspace.sqlEndpoint());
            }
            if (item.type().equals("Lakehouse")) {
                Optional<EmulatedItem> endpoint = workspace.item("SQLEndpoint", item.displayName());
                if (endpoint.isPresent()) {
                    deployed = deployed.withSqlEndpointId(endpoint.get().id().toString());
                }
            }
            context.deployed(deployed);
            if (!item.logicalId().equals(Item.ZERO_GUID)) {
                context.logicalId(item.logicalId(), item.id().toString());
            }
        }
        return context.build();
    }
}
