package org.dbb.console.core.plan;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dbb.console.core.fabric.Connection;
import org.dbb.console.core.fabric.FabricClient;
import org.dbb.console.core.fabric.Workspace;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.EnvironmentSettings;

/**
 * Looks up an environment's workspace, items and connections through the Fabric API. Stateless and thread-safe;
 * blocking network I/O, so call it on a background executor.
 */
public final class EnvironmentCatalogs {

    /** How many workspace names a "not found" message lists before it says how many more there are. */
    private static final int NAMES_SHOWN = 20;

    private EnvironmentCatalogs() {
    }

    /**
     * Finds the workspace by id or display name and lists what the plan needs from it.
     *
     * @param workspaceNameOrId the environment's workspace setting, already resolved ({@code $ENV:} expanded)
     * @throws PlanException      when the signed-in account sees no such workspace
     * @throws FabricApiException when a call fails
     */
    public static EnvironmentCatalog fetch(FabricClient fabric, EnvironmentSettings environment,
                                           String workspaceNameOrId) {
        String wanted = workspaceNameOrId.strip();
        List<Workspace> visible = fabric.listWorkspaces();
        Workspace workspace = find(visible, wanted)
                .or(() -> byIdOutsideTheList(fabric, wanted))
                .orElseThrow(() -> notFound(environment, wanted, visible));
        List<EnvironmentCatalog.CatalogItem> items = fabric.listItems(workspace.id()).stream()
                .map(i -> new EnvironmentCatalog.CatalogItem(i.type(), i.displayName(), i.id()))
                .toList();
        List<EnvironmentCatalog.CatalogConnection> connections = fabric.listConnections().stream()
                .map(EnvironmentCatalogs::connection)
                .toList();
        return new EnvironmentCatalog(environment.name(), workspace.id(), workspace.displayName(),
                workspace.capacityId(), items, connections);
    }

    private static Optional<Workspace> find(List<Workspace> visible, String wanted) {
        Optional<Workspace> exact = visible.stream()
                .filter(w -> w.id().equalsIgnoreCase(wanted) || w.displayName().equals(wanted))
                .findFirst();
        // Fabric keeps workspace names unique regardless of case, so a differently cased setting still means it.
        return exact.or(() -> visible.stream()
                .filter(w -> w.displayName().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)))
                .findFirst());
    }

    /** An id the list did not hold may still be readable directly (e.g. through a workspace-level role only). */
    private static Optional<Workspace> byIdOutsideTheList(FabricClient fabric, String wanted) {
        if (!looksLikeGuid(wanted)) {
            return Optional.empty();
        }
        try {
            return Optional.of(fabric.getWorkspace(wanted));
        } catch (FabricApiException e) {
            if (e.status() == 404 || e.status() == 403 || e.status() == 401) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean looksLikeGuid(String text) {
        return text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }

    private static PlanException notFound(EnvironmentSettings environment, String wanted, List<Workspace> visible) {
        List<String> names = visible.stream().map(Workspace::displayName).sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
        String seen = names.isEmpty() ? "no workspace at all"
                : names.stream().limit(NAMES_SHOWN).map(n -> "'" + n + "'").collect(Collectors.joining(", "))
                        + (names.size() > NAMES_SHOWN ? " and " + (names.size() - NAMES_SHOWN) + " more" : "");
        return new PlanException(Problem.error(Path.of(ConsoleSettings.FILE_NAME), 0, 0, "workspace '" + wanted
                + "' of environment " + environment.name() + " was not found; the signed-in account sees: " + seen
                + ". Correct the workspace of " + environment.name() + " in " + ConsoleSettings.FILE_NAME
                + " or ask a workspace admin for access"));
    }

    private static EnvironmentCatalog.CatalogConnection connection(Connection c) {
        return new EnvironmentCatalog.CatalogConnection(c.id(), c.displayName(), c.connectionType());
    }
}
