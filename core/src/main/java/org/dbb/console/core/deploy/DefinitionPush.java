package org.dbb.console.core.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

import org.dbb.console.core.auth.SettingResolver;
import org.dbb.console.core.auth.VariableValue;
import org.dbb.console.core.connect.EnvironmentConnection;
import org.dbb.console.core.connect.EnvironmentConnector;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.emulator.FabricEmulator;
import org.dbb.console.core.emulator.SandboxReplacements;
import org.dbb.console.core.fabric.DefinitionPart;
import org.dbb.console.core.fabric.FabricClient;
import org.dbb.console.core.fabric.ItemDefinition;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.plan.EnvironmentCatalog;
import org.dbb.console.core.plan.EnvironmentCatalogs;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.json.JsonDocument;
import org.dbb.console.core.workspace.params.resolve.ReplacementContext;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.ActivityPolicy;
import org.dbb.console.core.workspace.pipeline.NestedActivity;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.pipeline.PipelineReader;

/**
 * Pushes one pipeline of the repository to an environment's Fabric workspace, as a deployment of that item would:
 * the item's files parameterised for the environment, sent with {@code updateDefinition} (a long-running
 * operation it waits for), then read back with {@code getDefinition} to check every activity's retry policy
 * arrived. The sandbox is reached through its emulator. Blocks on the network: call it on a background executor.
 * Thread-safe.
 */
public final class DefinitionPush {

    private static final String CONTENT = "pipeline-content.json";

    private final EnvironmentConnector connector;
    private final DeploymentDefinitions definitions;
    private final PipelineReader reader;
    private final ExecutorService emulatorHandlers;
    private final ScheduledExecutorService emulatorTimers;
    private final Function<String, String> osEnvironment;

    /**
     * @param emulatorHandlers executors for seeding (never starting) an emulator when the ids of a sandbox reached
     *                         by URL are needed
     * @param emulatorTimers   as {@code emulatorHandlers}
     * @param osEnvironment    where {@code $ENV:NAME} settings not in the environment's variables come from
     */
    public DefinitionPush(EnvironmentConnector connector, DeploymentDefinitions definitions, PipelineReader reader,
                          ExecutorService emulatorHandlers, ScheduledExecutorService emulatorTimers,
                          Function<String, String> osEnvironment) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.definitions = Objects.requireNonNull(definitions, "definitions");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.emulatorHandlers = Objects.requireNonNull(emulatorHandlers, "emulatorHandlers");
        this.emulatorTimers = Objects.requireNonNull(emulatorTimers, "emulatorTimers");
        this.osEnvironment = Objects.requireNonNull(osEnvironment, "osEnvironment");
    }

    /**
     * Pushes {@code pipeline} (its files as saved) to {@code environment}.
     *
     * @param variables the environment's variable-group values, for {@code $ENV:NAME} settings
     * @throws PushException saying what failed and whether the definition was sent
     */
    public PushResult push(Workspace repository, String pipeline, String environment, SandboxOptions sandbox,
                           Map<String, VariableValue> variables, PushListener listener) {
        Item item = repository.pipeline(pipeline).orElseThrow(() -> new PushException("no pipeline named '"
                + pipeline + "' in " + repository.root(), false, null));
        listener.progress("Connecting to " + environment + " …");
        EnvironmentConnection connection;
        try {
            connection = connector.connect(repository, environment, sandbox, variables);
        } catch (RuntimeException e) {
            throw new PushException("Cannot reach " + environment + ": " + message(e) + ". Nothing was changed"
                    + " there.", false, e);
        }
        try (connection) {
            return push(repository, item, connection, variables, listener);
        }
    }

    private PushResult push(Workspace repository, Item item, EnvironmentConnection connection,
                            Map<String, VariableValue> variables, PushListener listener) {
        String environment = connection.environment();
        FabricClient fabric = connection.fabric().alsoReportingWaitsTo(w -> listener.progress(w.reason()));
        EnvironmentCatalog catalog;
        ReplacementContext context;
        DeployableDefinition definition;
        String itemId;
        try {
            listener.progress("Looking up the workspace of " + environment + " on " + connection.endpointDescription()
                    + " …");
            catalog = EnvironmentCatalogs.fetch(fabric, connection.settings(),
                    workspaceSetting(repository, connection.settings(), variables));
            itemId = catalog.item("DataPipeline", item.displayName()).map(EnvironmentCatalog.CatalogItem::id)
                    .orElseThrow(() -> new PushException("pipeline " + item.displayName() + " is not deployed in "
                            + catalog.workspaceLabel() + " of " + environment + "; deploy it once with fabric-cicd"
                            + " before pushing changes to it. Nothing was changed there.", false, null));
            context = context(repository, connection, catalog);
            listener.progress("Applying parameter.yml for " + environment + " to " + item.displayName() + " …");
            definition = definitions.build(repository, item, environment, context);
        } catch (PushException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PushException("Cannot push " + item.displayName() + " to " + environment + ": " + message(e)
                    + ". Nothing was changed there.", false, e);
        }
        try {
            listener.progress("Sending the definition of " + item.displayName() + " to " + catalog.workspaceLabel()
                    + "; waiting for Fabric to apply it …");
            fabric.updateItemDefinition(catalog.workspaceId(), itemId, definition.definition());
        } catch (RuntimeException e) {
            throw new PushException("The update of " + item.displayName() + " in " + environment + " failed: "
                    + message(e) + ". Check the pipeline in " + catalog.workspaceLabel()
                    + " before trying again.", true, e);
        }
        try {
            listener.progress("Reading the definition back from " + environment + " to check it …");
            ItemDefinition readBack = fabric.getItemDefinition(catalog.workspaceId(), itemId);
            List<String> mismatches = new ArrayList<>();
            int checked = compare(item, definition.definition(), readBack, mismatches);
            return new PushResult(environment, item.displayName(), catalog.workspaceLabel(), itemId,
                    connection.endpointDescription(), definition.replacementLines(), mismatches, checked);
        } catch (RuntimeException e) {
            throw new PushException(item.displayName() + " was sent to " + environment + " but could not be read"
                    + " back to check it: " + message(e) + ". Check the pipeline in " + catalog.workspaceLabel()
                    + ".", true, e);
        }
    }

    private String workspaceSetting(Workspace repository, EnvironmentSettings env,
                                    Map<String, VariableValue> variables) {
        return env.workspace()
                .map(value -> SettingResolver.forEnvironment(env, variables, osEnvironment)
                        .resolve("environments." + env.name() + ".workspace", value).value())
                .orElseThrow(() -> new InvalidInputException(Problem.error(
                        repository.settings().file().orElse(repository.root()), 0, 0, "environment " + env.name()
                                + " names no workspace; add `workspace: <name or id>` under environments."
                                + env.name() + " in dbb-console.yml")));
    }

    /**
     * What the target workspace holds, for parameter variables and identifiers. A sandbox knows more than its
     * item list says (SQL endpoints), from the emulator seeded from this repository: the one started here, or,
     * for a sandbox reached by URL, a copy seeded (not started) the same way, used only when its ids match.
     */
    private ReplacementContext context(Workspace repository, EnvironmentConnection connection,
                                       EnvironmentCatalog catalog) {
        if (connection.settings().emulator()) {
            Optional<ReplacementContext> seeded = connection.emulator()
                    .flatMap(e -> e.workspace(connection.environment()))
                    .map(SandboxReplacements::of)
                    .or(() -> seededCopy(repository, connection.environment()))
                    .filter(c -> c.workspaceId().filter(catalog.workspaceId()::equalsIgnoreCase).isPresent());
            if (seeded.isPresent()) {
                return seeded.get();
            }
        }
        ReplacementContext.Builder context = ReplacementContext.builder()
                .workspace(catalog.workspaceId(), catalog.workspaceName());
        catalog.items().forEach(i -> context.deployed(i.type(), i.displayName(), i.id()));
        for (Item local : repository.items().items()) {
            if (!local.logicalId().equals(Item.ZERO_GUID)) {
                catalog.item(local.type(), local.displayName()).ifPresent(d -> context.logicalId(local.logicalId(),
                        d.id()));
            }
        }
        return context.build();
    }

    private Optional<ReplacementContext> seededCopy(Workspace repository, String environment) {
        FabricEmulator seeded = FabricEmulator.builder(repository).handlerExecutor(emulatorHandlers)
                .scheduler(emulatorTimers).build();
        return seeded.workspace(environment).map(SandboxReplacements::of);
    }

    /** Compares every activity's effective retry policy sent and read back; returns how many were compared. */
    private int compare(Item item, ItemDefinition sent, ItemDefinition readBack, List<String> mismatches) {
        Pipeline expected = pipeline(item, sent);
        Pipeline actual = pipeline(item, readBack);
        int checked = 0;
        for (NestedActivity nested : expected.allActivities()) {
            Activity want = nested.activity();
            List<Activity> found = actual.findByName(want.name());
            checked++;
            if (found.size() != 1) {
                mismatches.add(want.name() + ": not found in the definition read back");
                continue;
            }
            ActivityPolicy a = found.get(0).effectivePolicy();
            ActivityPolicy w = want.effectivePolicy();
            if (a.effectiveRetry() != w.effectiveRetry()
                    || a.effectiveRetryIntervalInSeconds() != w.effectiveRetryIntervalInSeconds()
                    || !a.effectiveTimeout().equals(w.effectiveTimeout())) {
                mismatches.add(want.name() + ": sent " + w.effectiveRetry() + " retries / "
                        + w.effectiveRetryIntervalInSeconds() + " s, read back " + a.effectiveRetry() + " retries / "
                        + a.effectiveRetryIntervalInSeconds() + " s");
            }
        }
        return checked;
    }

    private Pipeline pipeline(Item item, ItemDefinition definition) {
        DefinitionPart part = definition.part(CONTENT).orElseThrow(() -> new IllegalStateException(
                "the definition of " + item.displayName() + " has no " + CONTENT + " part"));
        return reader.read(JsonDocument.parse(TextFile.decode(Path.of(item.displayName(), CONTENT), part.payload())),
                item.displayName());
    }

    private static String message(RuntimeException e) {
        if (e instanceof InvalidInputException invalid && !invalid.problems().isEmpty()) {
            return invalid.problems().stream().map(p -> p.format(null)).reduce((a, b) -> a + "; " + b).orElse("");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
