package org.dbb.console.core.fabric.devops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Azure DevOps variable group: an environment's variables. Variable names match ignoring case, as in pipelines.
 * Immutable.
 *
 * @param id          the group id
 * @param name        the group name
 * @param description the description
 * @param type        normal or Key Vault-linked
 * @param variables   the variables by name, in the order Azure DevOps listed them
 * @param keyVault    the linked vault, for a Key Vault group
 */
public record VariableGroup(int id, String name, Optional<String> description, VariableGroupType type,
        Map<String, GroupVariable> variables, Optional<KeyVaultLink> keyVault) {

    public VariableGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        Objects.requireNonNull(keyVault, "keyVault");
    }

    /** The variable called {@code name}, ignoring case. */
    public Optional<GroupVariable> variable(String name) {
        GroupVariable exact = variables.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return variables.values().stream().filter(v -> v.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The value of a non-secret variable; empty for secrets and unknown names. */
    public Optional<String> value(String name) {
        return variable(name).flatMap(GroupVariable::value);
    }
}
