package org.dbb.console.core.emulator;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.dbb.console.core.emulator.scenario.ConnectionSeed;

/**
 * Everything seeded from the repository: workspaces with their items, connections and variable groups. The
 * lists are fixed after seeding; items change only through their versions. Guarded by the emulator's state lock.
 *
 * @param workspaces     one per environment, in settings order
 * @param connections    the tenant's connections
 * @param variableGroups one per environment
 */
record EmulatedTenant(List<WorkspaceState> workspaces, List<ConnectionSeed> connections,
                      List<VariableGroupState> variableGroups) {

    EmulatedTenant {
        workspaces = List.copyOf(workspaces);
        connections = List.copyOf(connections);
        variableGroups = List.copyOf(variableGroups);
    }

    Optional<WorkspaceState> workspace(UUID id) {
        return workspaces.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    Optional<WorkspaceState> workspace(String environment) {
        return workspaces.stream().filter(w -> w.environment().equals(environment)).findFirst();
    }
}
