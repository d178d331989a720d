package org.dbb.console.app.settings;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.SettingValue;
import org.dbb.console.core.workspace.config.VariableGroupRef;

/**
 * Says where a {@code $ENV:NAME} setting of an environment gets its value, in the order the console resolves it
 * (variable group, inline variables, OS environment), without ever reading the value. Without the variable group's
 * names (a connection test reads them) it says what it cannot know. Stateless; thread-safe when the OS-environment
 * function is.
 */
final class ReferenceOrigins {

    private final Function<String, String> osEnvironment;

    ReferenceOrigins(Function<String, String> osEnvironment) {
        this.osEnvironment = osEnvironment;
    }

    /**
     * A secret setting as it may be shown: the reference and where it resolves from, or the mask for anything
     * that is not a reference.
     *
     * @param groupNames the variable group's variable names, when a connection test read them
     */
    String display(EnvironmentSettings env, SettingValue value, Optional<Set<String>> groupNames) {
        Optional<String> name = value.environmentReference();
        if (name.isEmpty()) {
            return SettingValue.MASK;
        }
        return value.raw() + " — " + origin(env, name.get(), groupNames);
    }

    private String origin(EnvironmentSettings env, String name, Optional<Set<String>> groupNames) {
        boolean os = set(osEnvironment.apply(name));
        String osText = "the OS environment variable " + name;
        if (env.emulator() && env.variableGroup().isEmpty()) {
            return "resolves from the sandbox emulator's variable group";
        }
        Optional<VariableGroupRef> group = env.variableGroup();
        if (group.isPresent()) {
            String groupText = "variable group " + group.get().groupId() + " (" + group.get().organization() + "/"
                    + group.get().project() + ")";
            if (groupNames.isPresent()) {
                if (groupNames.get().contains(name)) {
                    return "resolves from " + groupText;
                }
            } else if (!env.variables().containsKey(name)) {
                return "resolves from " + groupText + " if it holds " + name + ", else from " + osText
                        + (os ? " (set)" : " (not set)") + "; Test connection reads the group";
            }
        }
        if (env.variables().containsKey(name) && set(env.variables().get(name))) {
            return "resolves from the inline variables of dbb-console.yml";
        }
        if (os) {
            return "resolves from " + osText;
        }
        return "unresolved: " + name + " is in " + (group.isPresent() ? "neither the variable group nor " : "not in ")
                + "the OS environment; add it to the variable group as a secret or export " + name
                + " where the console starts";
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }
}
