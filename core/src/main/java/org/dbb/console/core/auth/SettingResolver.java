package org.dbb.console.core.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.SettingValue;
import org.dbb.console.core.workspace.config.VariableGroupRef;

/**
 * Resolves {@code $ENV:NAME} references in an environment's settings: first from the environment's variables
 * (its variable group, then inline variables), then from the console's OS environment. A secret variable given
 * without a value (Azure DevOps never returns secret values) is read from the OS variable of the same name and
 * stays secret. Values stay in memory; failures name the setting, the variable and where it was looked for,
 * never a value. Immutable and thread-safe when the OS-environment function is.
 */
public final class SettingResolver {

    private final String environment;
    private final String variablesDescription;
    private final Map<String, VariableValue> variables;
    private final Function<String, String> osEnvironment;

    /**
     * @param environment          the environment name, for messages
     * @param variablesDescription where {@code variables} come from, for messages ("variable group 12 (org/project)")
     * @param variables            the environment's variables by name
     * @param osEnvironment        the OS environment lookup ({@code System::getenv} outside tests)
     */
    public SettingResolver(String environment, String variablesDescription, Map<String, VariableValue> variables,
                           Function<String, String> osEnvironment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.variablesDescription = Objects.requireNonNull(variablesDescription, "variablesDescription");
        this.variables = Map.copyOf(variables);
        this.osEnvironment = Objects.requireNonNull(osEnvironment, "osEnvironment");
    }

    /**
     * A resolver for {@code env}: the variable group's values win over the environment's inline variables, which
     * hold no secrets.
     *
     * @param groupValues the variable group's values, as read from Azure DevOps (empty when it has none)
     */
    public static SettingResolver forEnvironment(EnvironmentSettings env, Map<String, VariableValue> groupValues,
                                                 Function<String, String> osEnvironment) {
        Map<String, VariableValue> merged = new LinkedHashMap<>();
        env.variables().forEach((k, v) -> merged.put(k, VariableValue.plain(v)));
        merged.putAll(groupValues);
        return new SettingResolver(env.name(), describe(env.variableGroup(), !env.variables().isEmpty()), merged,
                osEnvironment);
    }

    private static String describe(Optional<VariableGroupRef> group, boolean inline) {
        String inlineText = "the inline variables of dbb-console.yml";
        if (group.isEmpty()) {
            return inline ? inlineText : "the environment's variables (it has no variable group)";
        }
        VariableGroupRef g = group.get();
        String groupText = "variable group " + g.groupId() + " (" + g.organization() + "/" + g.project() + ")";
        return inline ? groupText + " or " + inlineText : groupText;
    }

    /** {@link #resolve(String, SettingValue)} for a setting that may be absent. */
    public Optional<ResolvedSetting> resolve(String setting, Optional<SettingValue> value) {
        return value.map(v -> resolve(setting, v));
    }

    /**
     * The value of {@code setting}.
     *
     * @throws SignInException ({@link SignInFailure#UNRESOLVED_SETTING}) when a reference is malformed, unknown
     *                         or empty
     */
    public ResolvedSetting resolve(String setting, SettingValue value) {
        Objects.requireNonNull(setting, "setting");
        if (value.isMalformedReference()) {
            String shown = value.secret() ? "a malformed reference" : "'" + value.raw() + "'";
            throw unresolved(where(setting) + " is " + shown + ", which is not a valid reference;"
                    + " write $ENV:NAME with a variable name of letters, digits, '_' or '.'");
        }
        Optional<String> name = value.environmentReference();
        if (name.isEmpty()) {
            return new ResolvedSetting(setting, value.raw(), value.secret(), SettingOrigin.LITERAL, Optional.empty());
        }
        String variable = name.get();
        VariableValue fromVariables = variables.get(variable);
        if (fromVariables != null && !fromVariables.value().isBlank()) {
            return new ResolvedSetting(setting, fromVariables.value(), value.secret() || fromVariables.secret(),
                    SettingOrigin.VARIABLES, Optional.of(value.raw()));
        }
        String fromOs = osEnvironment.apply(variable);
        if (fromOs != null && !fromOs.isBlank()) {
            // A secret of the variable group stays a secret when its value has to come from the OS environment.
            boolean secret = value.secret() || fromVariables != null && fromVariables.secret();
            return new ResolvedSetting(setting, fromOs, secret, SettingOrigin.OS_ENVIRONMENT,
                    Optional.of(value.raw()));
        }
        if (fromVariables != null && fromVariables.secret()) {
            // Azure DevOps never returns secret values, so the OS environment is the only place left to look.
            throw unresolved(where(setting) + " refers to " + value.raw() + ", but " + variable + " is a secret of "
                    + variablesDescription + ", whose value Azure DevOps never returns, and it is " + absence(fromOs)
                    + " the console's OS environment; set " + variable + " in the environment the console starts"
                    + " from and restart the console");
        }
        throw unresolved(where(setting) + " refers to " + value.raw() + ", but " + variable + " has no value: it is "
                + absence(fromVariables) + " " + variablesDescription + " and " + absence(fromOs)
                + " the console's OS environment; add " + variable + " to " + variablesDescription
                + ", or set it in the environment the console starts from and restart the console");
    }

    private static String absence(Object found) {
        return found == null ? "missing from" : "empty in";
    }

    private String where(String setting) {
        return "environments." + environment + "." + setting;
    }

    private static SignInException unresolved(String message) {
        return new SignInException(SignInFailure.UNRESOLVED_SETTING, message);
    }

    @Override
    public String toString() {
        return "SettingResolver[" + environment + ", " + variables.size() + " variables from " + variablesDescription
                + "]";
    }
}
