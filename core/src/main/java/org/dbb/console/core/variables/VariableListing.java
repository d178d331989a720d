package org.dbb.console.core.variables;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.auth.SettingResolver;

/**
 * An environment's variables as the console sees them: each variable with its source, each {@code $ENV:NAME}
 * reference of {@code dbb-console.yml} with its resolution, notices for the operator, and the resolver that holds
 * the values (in memory only). Immutable and thread-safe; {@code toString} shows no secret.
 *
 * @param environment the environment name
 * @param group       the variable group that was read, when the environment has one
 * @param variables   the variables: the group's, then inline ones it does not override, then OS variables that a
 *                    setting refers to
 * @param references  every reference the environment uses, in file order
 * @param notices     what the operator should know about the sources (a Key Vault link, missing secrets)
 * @param resolver    resolves the environment's settings from these variables, then the OS environment
 */
public record VariableListing(String environment, Optional<GroupInfo> group, List<EnvironmentVariable> variables,
                              List<ReferenceStatus> references, List<String> notices, SettingResolver resolver) {

    public VariableListing {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(group, "group");
        variables = List.copyOf(variables);
        references = List.copyOf(references);
        notices = List.copyOf(notices);
        Objects.requireNonNull(resolver, "resolver");
    }

    /** The references that do not resolve. */
    public List<ReferenceStatus> unresolved() {
        return references.stream().filter(r -> !r.resolved()).toList();
    }

    /** The variable called {@code name}, ignoring case as Azure DevOps does. */
    public Optional<EnvironmentVariable> variable(String name) {
        return variables.stream().filter(v -> v.name().equalsIgnoreCase(name)).findFirst();
    }
}
