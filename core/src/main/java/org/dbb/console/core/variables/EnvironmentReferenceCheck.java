package org.dbb.console.core.variables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.EnvReference;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.SettingReferences;
import org.dbb.console.core.workspace.config.VariableGroupRef;

/**
 * Warns about every {@code $ENV:NAME} an environment uses that neither its inline variables nor the OS
 * environment can supply. It never reads a variable group (no network, no sign-in), so for an environment with a
 * group the warning says the value may still come from there and how to check. Sandbox environments are skipped:
 * the emulator seeds every referenced name into their group. Thread-safe; blocking file I/O.
 */
public final class EnvironmentReferenceCheck {

    private final SettingReferences references;
    private final Function<String, String> osEnvironment;

    /**
     * @param references    finds the references of {@code dbb-console.yml}
     * @param osEnvironment the OS environment lookup ({@code System::getenv} outside tests)
     */
    public EnvironmentReferenceCheck(SettingReferences references, Function<String, String> osEnvironment) {
        this.references = Objects.requireNonNull(references, "references");
        this.osEnvironment = Objects.requireNonNull(osEnvironment, "osEnvironment");
    }

    /**
     * One warning per unresolved reference per environment, at the reference's line and column.
     *
     * @param environment only this environment, or every one when empty
     */
    public List<Problem> check(ConsoleSettings settings, Optional<String> environment) {
        List<Problem> problems = new ArrayList<>();
        for (EnvironmentSettings env : settings.environments().values()) {
            if (env.emulator() || environment.isPresent() && !environment.get().equals(env.name())) {
                continue;
            }
            for (EnvReference r : references.of(settings, env.name())) {
                if (!inline(env, r.variable()) && !set(osEnvironment.apply(r.variable()))) {
                    problems.add(Problem.warning(r.file(), r.line(), r.column(), message(env, r)));
                }
            }
        }
        return problems;
    }

    private static boolean inline(EnvironmentSettings env, String name) {
        return env.variables().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .anyMatch(EnvironmentReferenceCheck::set);
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }

    private static String message(EnvironmentSettings env, EnvReference r) {
        String name = r.variable();
        String head = r.setting() + " of environment " + env.name() + " refers to " + r.raw() + ", but " + name
                + " is neither an inline variable of " + env.name() + " nor set in the OS environment";
        Optional<VariableGroupRef> group = env.variableGroup();
        if (group.isPresent()) {
            int id = group.get().groupId();
            String secretNote = r.secret()
                    ? " (if it is a secret there, Azure DevOps never returns it, so export it anyway)"
                    : "";
            return head + "; it may come from variable group " + id + secretNote + " — run `dbb env show "
                    + env.name() + "` to check; otherwise set it in variable group " + id + " or export " + name;
        }
        String fix = r.secret()
                ? "export " + name + " (secrets never go into dbb-console.yml)"
                : "add it to environments." + env.name() + ".variables or export " + name;
        return head + ", and " + env.name() + " has no variable group; " + fix;
    }
}
