package org.dbb.console.core.launch;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.dbb.console.core.auth.EnvironmentSignIn;
import org.dbb.console.core.auth.EnvironmentTokens;
import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.auth.TokenScope;
import org.dbb.console.core.auth.VariableValue;
import org.dbb.console.core.connect.EnvironmentConnection;
import org.dbb.console.core.connect.EnvironmentConnector;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.plan.EnvironmentCatalog;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.VariableGroupRef;

/**
 * Tests an environment's settings end to end, the way a launch would use them: signs in (prompting the operator
 * when the sign-in needs it; the sandbox needs none), reads the variable group, resolves the workspace and lists
 * its items through {@link RunLauncher#lookUp}, and compares them with the repository's items. Says what it waits
 * for through a progress callback. Thread-safe; blocks on the network and on the operator's sign-in, so call it off
 * the UI thread.
 */
public final class ConnectionCheck {

    private final EnvironmentSignIn signIn;
    private final EnvironmentConnector connector;
    private final RunLauncher launcher;

    public ConnectionCheck(EnvironmentSignIn signIn, EnvironmentConnector connector, RunLauncher launcher) {
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    /**
     * Tests {@code environment} as {@code repository}'s settings describe it (which need not be the file on disk:
     * settings about to be saved can be tested first).
     *
     * @param progress told, in a sentence, what the test is waiting for; called on this thread
     * @throws SignInException                                     when the sign-in fails
     * @throws org.dbb.console.core.fabric.http.FabricApiException when Azure DevOps or Fabric refuses a call
     * @throws org.dbb.console.core.plan.PlanException             when the workspace is not found
     * @throws InvalidInputException                               when the environment is unknown or the sandbox
     *                                                             cannot be reached
     */
    public ConnectionReport check(Workspace repository, String environment, SandboxOptions sandbox,
                                  Consumer<String> progress) {
        EnvironmentSettings env = repository.settings().environment(environment).orElseThrow(() ->
                new InvalidInputException(Problem.error(repository.settings().file().orElse(repository.root()), 0, 0,
                        "unknown environment '" + environment + "'; the environments are "
                                + String.join(", ", repository.settings().environments().keySet()))));
        Optional<String> account = env.emulator() ? Optional.empty() : signIn(env, progress);
        Map<String, VariableValue> values = Map.of();
        Optional<Set<String>> names = Optional.empty();
        if (env.variableGroup().isPresent()) {
            VariableGroupRef group = env.variableGroup().get();
            progress.accept("Reading variable group " + group.groupId() + " (" + group.organization() + "/"
                    + group.project() + ") from " + (env.emulator() ? "the sandbox emulator" : "Azure DevOps")
                    + " …");
            try (EnvironmentConnection connection = connector.connect(repository, environment, sandbox, Map.of())) {
                values = connection.variableGroupValues();
                names = Optional.of(values.keySet());
            }
        }
        progress.accept("Looking up workspace " + env.workspace().map(w -> "'" + w.raw() + "'").orElse("(none)")
                + " and its items in " + (env.emulator() ? "the sandbox emulator" : "Microsoft Fabric") + " …");
        try (EnvironmentLookup lookup = launcher.lookUp(repository, environment, sandbox, values)) {
            EnvironmentCatalog catalog = lookup.catalog();
            List<String> missing = repository.items().items().stream()
                    .filter(item -> catalog.item(item.type(), item.displayName()).isEmpty())
                    .map(Item::label)
                    .toList();
            return new ConnectionReport(environment, lookup.connection().endpointDescription(), account,
                    catalog.workspaceName(), catalog.workspaceId(), catalog.items().size(), missing, names);
        }
    }

    /** A remembered sign-in is used silently; only when none works is the operator asked. */
    private Optional<String> signIn(EnvironmentSettings env, Consumer<String> progress) {
        progress.accept("Checking the sign-in to " + env.name() + " …");
        EnvironmentTokens tokens = signIn.tokensFor(env, Map.of());
        try {
            tokens.token(TokenScope.FABRIC, false);
        } catch (SignInException e) {
            if (!e.failure().needsSignIn()) {
                throw e;
            }
            progress.accept(waitingFor(env));
            tokens.signIn();
        }
        return tokens.status().account();
    }

    private static String waitingFor(EnvironmentSettings env) {
        return switch (env.auth()) {
            case INTERACTIVE -> "Waiting for you to sign in to " + env.name()
                    + " in the browser window that opened …";
            case DEVICE_CODE -> "Waiting for you to enter the device code for " + env.name() + " …";
            case AZURE_CLI -> "Asking the Azure CLI for a token for " + env.name() + " …";
            case SERVICE_PRINCIPAL -> "Signing in to " + env.name() + " as its service principal …";
            case DEFAULT -> "Signing in to " + env.name() + " with the default credential chain …";
        };
    }
}
