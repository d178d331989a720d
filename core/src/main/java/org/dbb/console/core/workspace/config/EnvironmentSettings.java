package org.dbb.console.core.workspace.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One environment of {@code dbb-console.yml}: where its Fabric workspace is, how to sign in, where its variables
 * come from, and whether it is protected. Immutable.
 *
 * @param name            the environment name, as used in {@code parameter.yml}
 * @param emulator        whether it is the built-in sandbox (an embedded Fabric emulator)
 * @param workspace       the workspace name or id
 * @param tenant          the Entra tenant (domain or id)
 * @param auth            the sign-in method
 * @param clientId        the application id for service principals
 * @param clientSecret    the service principal secret (always a secret)
 * @param certificatePath a service principal certificate
 * @param variableGroup   the Azure DevOps variable group
 * @param variables       inline, non-secret variables, in file order
 * @param protectedEnv    whether actions need typed confirmation (production)
 * @param monitoring      the monitoring store, when it differs from the default
 * @param notifications   the notification channel, when it differs from the default
 * @param monitoringRules the environment's own monitoring rules ({@code monitoring.rules} under it), which replace
 *                        the shared ones; an empty list checks nothing
 */
public record EnvironmentSettings(String name, boolean emulator, Optional<SettingValue> workspace,
                                  Optional<SettingValue> tenant, AuthMethod auth, Optional<SettingValue> clientId,
                                  Optional<SettingValue> clientSecret, Optional<SettingValue> certificatePath,
                                  Optional<VariableGroupRef> variableGroup, Map<String, String> variables,
                                  boolean protectedEnv, Optional<MonitoringSettings> monitoring,
                                  Optional<NotificationSettings> notifications,
                                  Optional<List<MonitoringRuleSetting>> monitoringRules) {

    public EnvironmentSettings {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        monitoringRules = monitoringRules.map(List::copyOf);
    }

    /** An environment that uses the shared monitoring rules. */
    public EnvironmentSettings(String name, boolean emulator, Optional<SettingValue> workspace,
                               Optional<SettingValue> tenant, AuthMethod auth, Optional<SettingValue> clientId,
                               Optional<SettingValue> clientSecret, Optional<SettingValue> certificatePath,
                               Optional<VariableGroupRef> variableGroup, Map<String, String> variables,
                               boolean protectedEnv, Optional<MonitoringSettings> monitoring,
                               Optional<NotificationSettings> notifications) {
        this(name, emulator, workspace, tenant, auth, clientId, clientSecret, certificatePath, variableGroup,
                variables, protectedEnv, monitoring, notifications, Optional.empty());
    }

    /** This environment with its monitoring rules placed nowhere (see {@link ConsoleSettings#withoutPositions}). */
    EnvironmentSettings withoutPositions() {
        return new EnvironmentSettings(name, emulator, workspace, tenant, auth, clientId, clientSecret,
                certificatePath, variableGroup, variables, protectedEnv, monitoring, notifications,
                monitoringRules.map(rules -> rules.stream().map(MonitoringRuleSetting::withoutPosition).toList()));
    }

    /** The default sandbox environment used when a repository has no settings file. */
    public static EnvironmentSettings sandbox() {
        return new EnvironmentSettings("sandbox", true, Optional.of(SettingValue.plain("DBB Sandbox")),
                Optional.empty(), AuthMethod.DEFAULT, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), false, Optional.empty(), Optional.empty());
    }
}
