package org.dbb.console.core.variables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.dbb.console.core.auth.ResolvedSetting;
import org.dbb.console.core.auth.SettingOrigin;
import org.dbb.console.core.auth.SettingResolver;
import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.auth.VariableValue;
import org.dbb.console.core.fabric.devops.GroupVariable;
import org.dbb.console.core.fabric.devops.VariableGroup;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.EnvReference;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.SettingReferences;
import org.dbb.console.core.workspace.config.SettingValue;
import org.dbb.console.core.workspace.config.VariableGroupRef;

/**
 * Reads an environment's variables: its Azure DevOps variable group (through {@link VariableGroupAccess}), its
 * inline variables (the group wins on a shared name, ignoring case as Azure DevOps does) and, for secrets and
 * names the group lacks, the console's OS environment. Yields a {@link VariableListing} with the resolver. Values
 * stay in memory and are never logged. Thread-safe; {@link #load} blocks on the network, so call it off the UI
 * thread.
 */
public final class EnvironmentVariables {

    private static final String INLINE = "inline in dbb-console.yml";
    private static final String OS = "OS environment";

    private final VariableGroupAccess access;
    private final SettingReferences references;
    private final Function<String, String> osEnvironment;

    /**
     * @param access        where variable groups live and how to read them
     * @param references    finds the {@code $ENV:NAME} references of {@code dbb-console.yml}
     * @param osEnvironment the OS environment lookup ({@code System::getenv} outside tests)
     */
    public EnvironmentVariables(VariableGroupAccess access, SettingReferences references,
                                Function<String, String> osEnvironment) {
        this.access = Objects.requireNonNull(access, "access");
        this.references = Objects.requireNonNull(references, "references");
        this.osEnvironment = Objects.requireNonNull(osEnvironment, "osEnvironment");
    }

    /**
     * The variables of {@code environment}, reading its variable group when it has one.
     *
     * @throws IllegalArgumentException when the settings have no such environment
     * @throws SignInException          when the group cannot be read because the sign-in failed
     * @throws org.dbb.console.core.fabric.http.FabricApiException when Azure DevOps refuses or cannot be reached
     */
    public VariableListing load(ConsoleSettings settings, String environment) {
        EnvironmentSettings env = settings.environment(environment).orElseThrow(() ->
                new IllegalArgumentException("no environment '" + environment + "' in the settings"));
        Optional<VariableGroupRef> ref = access.groupOf(env);
        Optional<VariableGroup> group = ref.map(r -> access.client(env)
                .getVariableGroup(r.organization(), r.project(), r.groupId()));
        Optional<GroupInfo> info = ref.flatMap(r -> group.map(g -> new GroupInfo(r, g.name(), g.type(),
                g.keyVault())));
        List<EnvReference> used = references.of(settings, environment);

        Map<String, Merged> merged = new LinkedHashMap<>();
        List<String> notices = new ArrayList<>();
        group.ifPresent(g -> g.variables().values().forEach(v -> merged.put(key(v.name()),
                fromGroup(v, info.orElseThrow()))));
        env.variables().forEach((name, value) -> {
            Merged fromGroup = merged.get(key(name));
            if (fromGroup == null) {
                merged.put(key(name), new Merged(new EnvironmentVariable(name, VariableSource.INLINE, INLINE, false,
                        Optional.of(value), !value.isBlank(), Optional.empty()), VariableValue.plain(value)));
            } else {
                merged.put(key(name), fromGroup.overriding());
            }
        });
        info.filter(GroupInfo::linkedToKeyVault).ifPresent(g -> notices.add(g.describe() + " is linked to Azure Key"
                + " Vault " + g.keyVault().map(k -> "'" + k.vault() + "'").orElse("(vault unknown)")
                + ": Azure DevOps returns only the names of its secrets and the console does not read Key Vault,"
                + " so each secret a setting refers to must be exported as an OS environment variable of the same"
                + " name"));

        for (EnvReference r : used) {
            Merged m = merged.get(key(r.variable()));
            if (r.secret() && m != null && !m.variable().secret()) {
                // A webhook URL or client secret stays a secret even when the group stores it as plain text.
                merged.put(key(r.variable()), m.maskedFor(r.setting()));
            }
        }
        Map<String, VariableValue> values = new LinkedHashMap<>();
        merged.values().forEach(m -> values.put(m.variable().name(), m.value()));
        for (EnvReference r : used) {
            Merged m = merged.get(key(r.variable()));
            if (m != null) {
                values.putIfAbsent(r.variable(), m.value());
            }
        }
        String description = info.map(GroupInfo::describe).map(d -> env.variables().isEmpty() ? d
                : d + " or the inline variables of dbb-console.yml").orElse(env.variables().isEmpty()
                ? "the environment's variables (it has no variable group)" : "the inline variables of dbb-console.yml");
        SettingResolver resolver = new SettingResolver(env.name(), description, values, osEnvironment);

        List<ReferenceStatus> statuses = new ArrayList<>();
        List<EnvironmentVariable> fromOs = new ArrayList<>();
        for (EnvReference r : used) {
            statuses.add(status(resolver, r, merged));
            Merged m = merged.get(key(r.variable()));
            boolean listed = m != null || fromOs.stream().anyMatch(v -> v.name().equalsIgnoreCase(r.variable()));
            String os = osEnvironment.apply(r.variable());
            if (!listed && os != null && !os.isBlank()) {
                fromOs.add(new EnvironmentVariable(r.variable(), VariableSource.OS_ENVIRONMENT, OS, r.secret(),
                        Optional.of(os), true, Optional.empty()));
            }
        }
        for (Merged m : merged.values()) {
            EnvironmentVariable v = m.variable();
            if (v.secret() && !v.hasValue() && used.stream().anyMatch(r -> r.variable().equalsIgnoreCase(v.name()))) {
                notices.add(v.name() + " is a secret of " + v.origin() + ", whose value Azure DevOps never returns,"
                        + " and the OS environment variable " + v.name() + " is not set: export " + v.name()
                        + " in the environment the console starts from");
            }
        }
        List<EnvironmentVariable> variables = new ArrayList<>();
        merged.values().forEach(m -> variables.add(m.variable()));
        variables.addAll(fromOs);
        return new VariableListing(env.name(), info, variables, statuses, notices, resolver);
    }

    /** A group variable; a secret's value can only come from the OS variable of the same name. */
    private Merged fromGroup(GroupVariable v, GroupInfo group) {
        VariableSource source = group.linkedToKeyVault() ? VariableSource.KEY_VAULT_GROUP
                : VariableSource.VARIABLE_GROUP;
        if (!v.secret()) {
            String value = v.value().orElse("");
            return new Merged(new EnvironmentVariable(v.name(), source, group.describe(), false, Optional.of(value),
                    !value.isBlank(), Optional.empty()), VariableValue.plain(value));
        }
        String os = osEnvironment.apply(v.name());
        boolean available = os != null && !os.isBlank();
        String note = available
                ? "secret; its value comes from the OS environment variable " + v.name()
                : "secret; Azure DevOps never returns its value: export " + v.name() + " to use it";
        // An empty secret marks the name, so the resolver reads the OS variable and keeps the value secret.
        return new Merged(new EnvironmentVariable(v.name(), source, group.describe(), true, Optional.empty(),
                available, Optional.of(note)), VariableValue.secret(""));
    }

    private static ReferenceStatus status(SettingResolver resolver, EnvReference r, Map<String, Merged> merged) {
        String setting = r.setting().startsWith("environments.")
                ? r.setting().substring(r.setting().indexOf('.', "environments.".length()) + 1)
                : r.setting();
        try {
            ResolvedSetting resolved = resolver.resolve(setting, r.value());
            Merged m = merged.get(key(r.variable()));
            VariableSource source = resolved.origin() == SettingOrigin.VARIABLES && m != null
                    ? m.variable().source()
                    : VariableSource.OS_ENVIRONMENT;
            String shown = resolved.secret() ? SettingValue.MASK : resolved.value();
            return new ReferenceStatus(r, Optional.of(source), shown, Optional.empty());
        } catch (SignInException e) {
            return new ReferenceStatus(r, Optional.empty(), "", Optional.of(e.getMessage()));
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A listing row with the value the resolver gets for it. */
    private record Merged(EnvironmentVariable variable, VariableValue value) {

        Merged maskedFor(String setting) {
            EnvironmentVariable v = variable;
            String note = "masked: " + setting + " is a secret setting";
            return new Merged(new EnvironmentVariable(v.name(), v.source(), v.origin(), true, Optional.empty(),
                    v.hasValue(), Optional.of(v.note().map(n -> n + "; " + note).orElse(note))),
                    VariableValue.secret(value.value()));
        }

        Merged overriding() {
            EnvironmentVariable v = variable;
            String note = "overrides the inline value in dbb-console.yml";
            return new Merged(new EnvironmentVariable(v.name(), v.source(), v.origin(), v.secret(), v.value(),
                    v.hasValue(), Optional.of(v.note().map(n -> n + "; " + note).orElse(note))), value);
        }
    }
}
