package org.dbb.console.core.workspace.params.edit;

import java.util.Optional;

import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.AddEnvironment;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.RenameEnvironment;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.SetConnection;
import org.dbb.console.core.workspace.params.edit.ParameterFileEdit.SetReplaceValue;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The text someone editing parameter.yml by hand would produce for an edit the {@link ParameterFileEditor} refuses:
 * environment keys written exactly as typed (unquoted), values written as given, none of the editor's rules
 * applied. It is never written anywhere; an editor validates it so that a refused change is explained with the
 * message and position fabric-cicd's validation gives for such a file. Stateless and thread-safe.
 */
public final class HandEditDraft {

    /**
     * The hand-edited text, or empty when the edit has no plain hand-written form in this file (for example the
     * entry or mapping does not exist, or the file is not valid YAML).
     */
    public Optional<String> draft(TextFile file, ParameterFileEdit edit) {
        try {
            ParameterDocument doc = ParameterDocument.parse(file);
            EditPlan plan = new EditPlan();
            boolean planned;
            if (edit instanceof SetReplaceValue set) {
                planned = setValue(doc, plan, doc.entryByNumber(set.kind(), set.entry()), set.environment(),
                        set.value());
            } else if (edit instanceof SetConnection set) {
                planned = setValue(doc, plan, doc.connectionMap(set.model()), set.environment(), set.value());
            } else if (edit instanceof RenameEnvironment rename) {
                planned = rename(doc, plan, rename);
            } else if (edit instanceof AddEnvironment add) {
                planned = add(doc, plan, add);
            } else {
                planned = false;
            }
            return planned ? Optional.of(plan.applyTo(file.text())) : Optional.empty();
        } catch (InvalidInputException | IllegalStateException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean setValue(ParameterDocument doc, EditPlan plan, EnvironmentMap env, String environment,
                                     Object value) {
        if (env.map() == null) {
            return false;
        }
        MappingEdits edits = new MappingEdits(doc, plan);
        String text = asTyped(value);
        int index = env.indexOf(environment);
        if (index >= 0) {
            edits.replaceValue(env.map(), env.path(), index, text, YamlData.ofJava(value));
        } else {
            edits.insertPair(env.map(), env.path(), environment, ": " + text, environment, YamlData.ofJava(value));
        }
        return true;
    }

    private static boolean rename(ParameterDocument doc, EditPlan plan, RenameEnvironment rename) {
        boolean any = false;
        for (EnvironmentMap env : doc.environmentMaps()) {
            int index = env.indexOf(rename.from());
            if (index >= 0) {
                NodeTuple pair = env.pairs().get(index);
                Node key = pair.getKeyNode();
                plan.splice(doc.start(key), doc.offset(key.getEndMark()), rename.to());
                any = true;
            }
        }
        return any;
    }

    private static boolean add(ParameterDocument doc, EditPlan plan, AddEnvironment add) {
        MappingEdits edits = new MappingEdits(doc, plan);
        boolean any = false;
        for (EnvironmentMap env : doc.environmentMaps()) {
            if (env.map() == null || env.usesAll() || env.indexOf(add.environment()) >= 0) {
                continue;
            }
            int source = add.copyFrom().map(env::indexOf).orElse(-1);
            String afterKey;
            if (source >= 0) {
                NodeTuple from = env.pairs().get(source);
                afterKey = doc.source().text().substring(doc.offset(from.getKeyNode().getEndMark()),
                        doc.contentEnd(from.getValueNode()));
            } else if (add.value().isPresent()) {
                afterKey = ": " + asTyped(add.value().get());
            } else {
                continue;
            }
            edits.insertPair(env.map(), env.path(), add.environment(), afterKey, add.environment(), null);
            any = true;
        }
        return any;
    }

    private static String asTyped(Object value) {
        return value instanceof String s ? YamlText.doubleQuoted(s) : YamlText.flow(value);
    }
}
