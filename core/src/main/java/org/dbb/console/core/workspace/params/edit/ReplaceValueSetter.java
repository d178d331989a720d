package org.dbb.console.core.workspace.params.edit;

import java.util.List;

import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.SetConnection;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.SetReplaceValue;

/**
 * Plans {@link SetReplaceValue} and {@link SetConnection}: one environment's value in one environment map.
 * Confined to one edit.
 */
final class ReplaceValueSetter {

    private final ParameterDocument doc;
    private final EditPlan plan;

    ReplaceValueSetter(ParameterDocument doc, EditPlan plan) {
        this.doc = doc;
        this.plan = plan;
    }

    void plan(SetReplaceValue edit) {
        EnvironmentMap env = doc.entryByNumber(edit.kind(), edit.entry());
        if (env.map() == null) {
            throw doc.problem(env.owner(), env.label() + " has no replace_value mapping; add one (e.g. "
                    + "replace_value: {" + edit.environment() + ": ...}) by hand first");
        }
        plan(env, edit.environment(), edit.value());
    }

    void plan(SetConnection edit) {
        plan(doc.connectionMap(edit.model()), edit.environment(), edit.value());
    }

    private void plan(EnvironmentMap env, String environment, Object raw) {
        Object value;
        try {
            value = ReplaceValueRules.normalize(env.kind(), raw);
        } catch (IllegalArgumentException e) {
            throw doc.problem(env.map(), env.label() + ": " + e.getMessage());
        }
        List<String> keys = env.keys();
        if (EnvironmentNames.isAll(environment)) {
            List<String> others = keys.stream().filter(k -> !EnvironmentNames.isAll(k)).toList();
            if (!others.isEmpty()) {
                throw doc.problem(env.map(), env.label() + " has environments " + others + "; '_ALL_' must be the "
                        + "only key of " + mapName(env) + ", so remove those environments before setting _ALL_");
            }
        } else if (env.usesAll()) {
            throw doc.problem(env.map(), env.label() + " uses '_ALL_', which must be the only key of "
                    + mapName(env) + "; "
                    + "to set '" + environment + "' separately, replace _ALL_ by one key per environment first");
        }
        int index = env.indexOf(environment);
        if (index < 0 && EnvironmentNames.isAll(environment)) {
            // fabric-cicd reads _all_ and _ALL_ alike, so the key keeps the spelling the file uses.
            index = env.keys().stream().filter(EnvironmentNames::isAll).findFirst().map(keys::indexOf).orElse(-1);
        }
        EnvironmentValueWriter writer = new EnvironmentValueWriter(doc, plan);
        if (env.kind() == ValueKind.KEY_VALUE_REPLACE) {
            try {
                ReplaceValueRules.requireSameType(environment, YamlData.ofJava(value), writer.otherValues(env, index));
            } catch (IllegalArgumentException e) {
                throw doc.problem(env.map(), env.label() + ": " + e.getMessage());
            }
        }
        if (index >= 0) {
            writer.replace(env, index, value);
            return;
        }
        if (!EnvironmentNames.isAll(environment)) {
            NewEnvironmentCheck.require(doc, environment);
        }
        writer.insert(env, environment, value);
    }

    private static String mapName(EnvironmentMap env) {
        return env.kind() == ValueKind.CONNECTION_ID ? "connection_id" : "replace_value";
    }
}
