package org.dbb.console.core.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dbb.console.core.emulator.scenario.ConnectionSeed;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.SettingValue;
import org.dbb.console.core.workspace.config.VariableGroupRef;

/**
 * Builds the emulated tenant from an opened repository: one workspace per environment holding every item with
 * its files as definition parts, a SQL endpoint per lakehouse, connections and one variable group per
 * environment. Reads files; not thread-safe (used once, before the server starts).
 */
final class Seeder {

    static final String DEFAULT_ORGANIZATION = "dbb-emulator";
    static final String DEFAULT_PROJECT = "DBB";
    static final String OPS_WEBHOOK = "ops";

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(SECRET|PASSWORD|TOKEN|WEBHOOK|KEY).*");

    private final StableIds ids;

    Seeder(StableIds ids) {
        this.ids = ids;
    }

    EmulatedTenant seed(Workspace repository, Scenario scenario) {
        ItemScan scan = repository.items();
        Map<Item, Map<String, byte[]>> files = new LinkedHashMap<>();
        for (Item item : scan.items()) {
            files.put(item, partsOf(item, scan));
        }
        String tenantLabel = StableIds.base32Label(ids.any("tenant"));
        List<WorkspaceState> workspaces = new ArrayList<>();
        List<VariableGroupState> groups = new ArrayList<>();
        Set<Integer> takenGroupIds = new TreeSet<>();
        repository.settings().environments().values().stream().map(EnvironmentSettings::variableGroup)
                .flatMap(Optional::stream).forEach(ref -> takenGroupIds.add(ref.groupId()));
        for (EnvironmentSettings env : repository.settings().environments().values()) {
            WorkspaceState ws = workspace(env, tenantLabel);
            for (Map.Entry<Item, Map<String, byte[]>> entry : files.entrySet()) {
                Item item = entry.getKey();
                ItemVersion first = new ItemVersion(Instant.EPOCH, item.displayName(),
                        item.description().orElse(""), entry.getValue());
                ws.add(new ItemState(ids.item(env.name(), item.type(), item.displayName()), ws.id(), item.type(),
                        item.logicalId(), first));
                if (item.is("Lakehouse")) {
                    // Fabric creates a SQL analytics endpoint beside every lakehouse and lists it as an item.
                    ws.add(new ItemState(ids.sqlEndpoint(env.name(), item.displayName()), ws.id(), "SQLEndpoint",
                            Item.ZERO_GUID, new ItemVersion(Instant.EPOCH, item.displayName(), "", Map.of())));
                }
            }
            workspaces.add(ws);
            groups.add(variableGroup(env, ws, repository, takenGroupIds));
        }
        List<ConnectionSeed> connections = scenario.connections().isEmpty()
                ? generatedConnections(workspaces)
                : scenario.connections();
        return new EmulatedTenant(workspaces, connections, groups);
    }

    private WorkspaceState workspace(EnvironmentSettings env, String tenantLabel) {
        Optional<String> written = env.workspace().filter(v -> v.environmentReference().isEmpty())
                .map(SettingValue::raw);
        UUID id = written.filter(w -> GUID.matcher(w).matches()).map(UUID::fromString)
                .orElseGet(() -> ids.workspace(env.name()));
        String name = written.filter(w -> !GUID.matcher(w).matches()).orElse(env.name());
        String host = tenantLabel + "-" + StableIds.base32Label(id) + ".datawarehouse.fabric.microsoft.com";
        return new WorkspaceState(id, env.name(), name, ids.capacity(), host);
    }

    private VariableGroupState variableGroup(EnvironmentSettings env, WorkspaceState ws, Workspace repository,
                                             Set<Integer> taken) {
        VariableGroupRef ref = env.variableGroup().orElseGet(() -> {
            int id = 1;
            while (taken.contains(id)) {
                id++;
            }
            taken.add(id);
            return new VariableGroupRef(DEFAULT_ORGANIZATION, DEFAULT_PROJECT, id);
        });
        Map<String, VariableGroupState.Variable> vars = new LinkedHashMap<>();
        vars.put("DBB_ENVIRONMENT", plain(env.name()));
        vars.put("DBB_WORKSPACE_ID", plain(ws.id().toString()));
        vars.put("DBB_WORKSPACE_NAME", plain(ws.displayName()));
        vars.put("DBB_SQL_ENDPOINT", plain(ws.sqlEndpointHost()));
        List<SettingValue> referenced = new ArrayList<>();
        env.workspace().ifPresent(referenced::add);
        env.tenant().ifPresent(referenced::add);
        env.clientId().ifPresent(referenced::add);
        env.clientSecret().ifPresent(referenced::add);
        env.certificatePath().ifPresent(referenced::add);
        repository.settings().notificationsFor(env).webhook().ifPresent(referenced::add);
        for (SettingValue value : referenced) {
            value.environmentReference().ifPresent(name -> vars.put(name, referencedVariable(env, value, name)));
        }
        // Every real group of this kind carries a deployment secret; its value is never returned.
        vars.putIfAbsent("DBB_SERVICE_PRINCIPAL_SECRET",
                new VariableGroupState.Variable(Optional.empty(), true, Optional.empty()));
        return new VariableGroupState(ref.groupId(), ref.organization(), ref.project(),
                ids.any("project", ref.organization(), ref.project()), "dbb-" + env.name().toLowerCase(Locale.ROOT),
                env.name(), vars);
    }

    private VariableGroupState.Variable referencedVariable(EnvironmentSettings env, SettingValue value,
                                                           String name) {
        boolean webhook = name.toUpperCase(Locale.ROOT).contains("WEBHOOK");
        if (webhook && env.emulator()) {
            // The sandbox posts to the emulator's own sink, which is no secret worth hiding.
            return new VariableGroupState.Variable(Optional.empty(), false, Optional.of(OPS_WEBHOOK));
        }
        if (value.secret() || SECRET_NAME.matcher(name).matches()) {
            return new VariableGroupState.Variable(Optional.empty(), true, Optional.empty());
        }
        String shown = name.toUpperCase(Locale.ROOT).contains("CLIENT_ID")
                ? ids.any("client", env.name(), name).toString()
                : "emulated-" + name.toLowerCase(Locale.ROOT).replace('_', '-');
        return plain(shown);
    }

    private static VariableGroupState.Variable plain(String value) {
        return new VariableGroupState.Variable(Optional.of(value), false, Optional.empty());
    }

    private List<ConnectionSeed> generatedConnections(List<WorkspaceState> workspaces) {
        String sqlHost = workspaces.isEmpty() ? "localhost" : workspaces.get(0).sqlEndpointHost();
        return List.of(
                new ConnectionSeed(ids.connection("sql").toString(), "DBB SQL endpoint", "SQL", sqlHost,
                        "ShareableCloud"),
                new ConnectionSeed(ids.connection("pipelines").toString(), "DBB Fabric Data Pipelines",
                        "FabricDataPipelines", "https://api.fabric.microsoft.com", "ShareableCloud"),
                new ConnectionSeed(ids.connection("powerbi").toString(), "DBB Power BI semantic models",
                        "PowerBIDatasets", "https://api.powerbi.com", "ShareableCloud"));
    }

    /** The item's files (its {@code .platform} included), leaving out files of items nested inside it. */
    private static Map<String, byte[]> partsOf(Item item, ItemScan scan) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(item.folder())) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the files of " + item.label(), e);
        }
        for (Path file : paths) {
            if (!scan.owning(file).map(owner -> owner.folder().equals(item.folder())).orElse(false)) {
                continue;
            }
            String relative = item.folder().relativize(file).toString().replace('\\', '/');
            try {
                parts.put(relative, Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return parts;
    }
}
