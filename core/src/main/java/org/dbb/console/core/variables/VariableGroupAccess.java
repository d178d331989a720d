package org.dbb.console.core.variables;

import java.util.Optional;

import org.dbb.console.core.fabric.devops.AzureDevOpsClient;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.VariableGroupRef;

/**
 * Says where an environment's variable group lives and supplies the Azure DevOps client signed in for that
 * environment (for the sandbox: pointed at the emulator). Implementations are thread-safe.
 */
public interface VariableGroupAccess {

    /** Where {@code env}'s variable group lives; by default what {@code dbb-console.yml} says. */
    default Optional<VariableGroupRef> groupOf(EnvironmentSettings env) {
        return env.variableGroup();
    }

    /**
     * A client that reads variable groups with {@code env}'s sign-in.
     *
     * @throws org.dbb.console.core.auth.SignInException when the environment's sign-in cannot be set up
     */
    AzureDevOpsClient client(EnvironmentSettings env);
}
