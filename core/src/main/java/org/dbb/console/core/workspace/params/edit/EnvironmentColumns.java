package org.dbb.console.core.workspace.params.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.AddEnvironment;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.RemoveEnvironment;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.RenameEnvironment;

/**
 * Plans the edits that treat an environment as a column across all entries: add, remove, rename. Entries using
 * {@code _ALL_} are never touched, since any other key beside {@code _ALL_} is an error. Confined to one edit.
 */
final class EnvironmentColumns {

    private final ParameterDocument doc;
    private final EditPlan plan;

    EnvironmentColumns(ParameterDocument doc, EditPlan plan) {
        this.doc = doc;
        this.plan = plan;
    }

    void add(AddEnvironment edit) {
        String environment = edit.environment();
        NewEnvironmentCheck.require(doc, environment);
        Set<String> known = doc.environmentNames();
        edit.copyFrom().ifPresent(source -> {
            if (!known.contains(source)) {
                throw doc.problem("no entry has the environment '" + source + "' to copy from; environments in "
                        + "this file: " + known);
            }
        });
        EnvironmentValueWriter writer = new EnvironmentValueWriter(doc, plan);
        for (EnvironmentMap env : doc.environmentMaps()) {
            if (env.map() == null) {
                plan.note(doc.note(env.owner(), env.label() + " has no replace_value mapping; left unchanged"));
                continue;
            }
            if (env.usesAll()) {
                plan.note(doc.note(env.map(), env.label() + " uses '_ALL_', which must stay alone; left unchanged"));
                continue;
            }
            if (env.indexOf(environment) >= 0) {
                plan.note(doc.note(env.map(), env.label() + " already has '" + environment + "'; left unchanged"));
                continue;
            }
            int source = edit.copyFrom().map(env::indexOf).orElse(-1);
            if (source >= 0) {
                writer.insertCopy(env, environment, source);
            } else if (edit.value().isPresent()) {
                writer.insert(env, environment, checkedValue(env, environment, edit.value().get(), writer));
            } else {
                plan.note(doc.note(env.map(), env.label() + " has no '" + edit.copyFrom().orElseThrow()
                        + "' to copy from; left unchanged"));
            }
        }
    }

    private Object checkedValue(EnvironmentMap env, String environment, Object raw, EnvironmentValueWriter writer) {
        try {
            Object value = ReplaceValueRules.normalize(env.kind(), raw);
            if (env.kind() == ValueKind.KEY_VALUE_REPLACE) {
                ReplaceValueRules.requireSameType(environment, YamlData.ofJava(value), writer.otherValues(env, -1));
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw doc.problem(env.map(), env.label() + ": " + e.getMessage());
        }
    }

    void remove(RemoveEnvironment edit) {
        String environment = edit.environment();
        List<EnvironmentMap> holders = new ArrayList<>();
        List<EnvironmentMap> wouldBeEmpty = new ArrayList<>();
        for (EnvironmentMap env : doc.environmentMaps()) {
            int index = env.indexOf(environment);
            if (index >= 0) {
                holders.add(env);
                if (env.pairs().size() == 1) {
                    wouldBeEmpty.add(env);
                }
            }
        }
        if (holders.isEmpty()) {
            throw doc.problem("no entry has the environment '" + environment + "' (names are case-sensitive); "
                    + "environments in this file: " + doc.environmentNames());
        }
        if (!wouldBeEmpty.isEmpty() && edit.onlyValue() == RemoveEnvironment.OnlyValue.REFUSE) {
            throw doc.problem(wouldBeEmpty.get(0).map(), "removing '" + environment + "' would leave "
                    + wouldBeEmpty.stream().map(EnvironmentMap::label).toList() + " with no environment, which "
                    + "fabric-cicd rejects; give those entries another environment or remove them first");
        }
        MappingEdits edits = new MappingEdits(doc, plan);
        for (EnvironmentMap env : holders) {
            if (wouldBeEmpty.contains(env)) {
                plan.note(doc.note(env.map(), env.label() + " has a value only for '" + environment + "'; it is "
                        + "kept, since fabric-cicd rejects an entry without environments: remove the entry (or give "
                        + "it another environment) if it is no longer needed"));
            } else {
                edits.removePair(env.map(), env.path(), env.indexOf(environment));
            }
        }
    }

    void rename(RenameEnvironment edit) {
        String from = edit.from();
        String to = edit.to();
        Set<String> known = doc.environmentNames();
        if (!known.contains(from)) {
            throw doc.problem("no entry has the environment '" + from + "' (names are case-sensitive); "
                    + "environments in this file: " + known);
        }
        if (from.equals(to)) {
            throw doc.problem("the environment is already called '" + to + "'; give a different new name");
        }
        if (known.contains(to)) {
            throw doc.problem("the environment '" + to + "' already exists; remove it first, or rename '" + from
                    + "' to a name the file does not use");
        }
        NewEnvironmentCheck.require(doc, to, from);
        MappingEdits edits = new MappingEdits(doc, plan);
        for (EnvironmentMap env : doc.environmentMaps()) {
            int index = env.indexOf(from);
            if (index >= 0) {
                edits.renameKey(env.map(), env.path(), index, to);
            }
        }
    }
}
