package org.dbb.console.core.workspace.config.edit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;


/**
 * Makes an {@link EnvironmentEdit} to the text of {@code dbb-console.yml} as a few splices: a value takes the old
 * one's characters, a new setting is one new line (or one {@code , key: value} in a flow mapping), a removed one
 * loses exactly its own lines, and a new environment is a block after the last one. Everything else keeps its
 * bytes. Does not check the meaning of the result; {@link ConsoleSettingsEditor} does. Stateless and thread-safe.
 */
final class EnvironmentTextEditor {

    private static final String ENVIRONMENTS = "environments";
    private static final int DEFAULT_INDENT = 2;

    /** The text after {@code edit}. */
    String apply(Path file, String text, String newline, EnvironmentEdit edit) {
        if (edit instanceof EnvironmentEdit.Update update) {
            return update(file, text, newline, update);
        }
        if (edit instanceof EnvironmentEdit.Add add) {
            return add(file, text, newline, add);
        }
        if (edit instanceof EnvironmentEdit.Remove remove) {
            return remove(file, text, remove.environment());
        }
        return rename(file, text, (EnvironmentEdit.Rename) edit);
    }

    private String update(Path file, String text, String newline, EnvironmentEdit.Update update) {
        String current = text;
        for (Map.Entry<EnvironmentField, Optional<String>> change : update.values().entrySet()) {
            SettingsDocument doc = SettingsDocument.parse(file, current);
            NodeTuple env = environment(doc, update.environment());
            current = change.getValue().isPresent()
                    ? set(doc, env, change.getKey(), change.getValue().get(), newline)
                    : unset(doc, env, change.getKey(), newline);
        }
        return current;
    }

    private static String set(SettingsDocument doc, NodeTuple env, EnvironmentField field, String value,
                              String newline) {
        List<String> keys = field.keys();
        if (keys.size() == 1) {
            return setPair(doc, env, keys.get(0), field, value, newline);
        }
        Optional<NodeTuple> section = env.getValueNode() instanceof MappingNode m
                ? SettingsDocument.entry(m, keys.get(0), false)
                : Optional.empty();
        if (section.isEmpty()) {
            String pair = keys.get(1) + ": " + YamlScalars.value(field, value, null);
            return insertPair(doc, env, keys.get(0), "{" + pair + "}", newline);
        }
        if (!(section.get().getValueNode() instanceof MappingNode)) {
            throw doc.problem(section.get().getValueNode(), keys.get(0) + " is not a mapping; correct it by hand");
        }
        return setPair(doc, section.get(), keys.get(1), field, value, newline);
    }

    /** Replaces the value of {@code key} under {@code owner}'s mapping, or adds the pair. */
    private static String setPair(SettingsDocument doc, NodeTuple owner, String key, EnvironmentField field,
                                  String value, String newline) {
        if (owner.getValueNode() instanceof MappingNode mapping) {
            Optional<NodeTuple> existing = SettingsDocument.entry(mapping, key, false);
            if (existing.isPresent()) {
                Node old = existing.get().getValueNode();
                if (!(old instanceof ScalarNode scalar) || SettingsDocument.isEmptyValue(old)) {
                    throw doc.problem(old, key + " does not hold a single value; correct it by hand");
                }
                ScalarStyle style = scalar.getScalarStyle();
                if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
                    throw doc.problem(old, key + " is written as a block of text; write it on one line to edit it");
                }
                return splice(doc.text(), doc.start(old), doc.end(old), YamlScalars.value(field, value, style));
            }
        }
        return insertPair(doc, owner, key, YamlScalars.value(field, value, null), newline);
    }

    /** Adds {@code key: valueText} to the mapping that is {@code owner}'s value (or makes its empty value one). */
    private static String insertPair(SettingsDocument doc, NodeTuple owner, String key, String valueText,
                                     String newline) {
        String pair = key + ": " + valueText;
        String text = doc.text();
        Node value = owner.getValueNode();
        if (SettingsDocument.isEmptyValue(value)) {
            int colon = text.indexOf(':', doc.end(owner.getKeyNode()));
            return splice(text, colon + 1, colon + 1, " {" + pair + "}");
        }
        if (!(value instanceof MappingNode mapping)) {
            throw doc.problem(value, "this is not a mapping of settings; correct it by hand");
        }
        List<NodeTuple> pairs = mapping.getValue();
        if (SettingsDocument.isFlow(mapping)) {
            int close = doc.end(mapping) - 1;
            if (text.charAt(close) != '}') {
                throw doc.problem(mapping, "cannot find the end of this mapping; edit it by hand");
            }
            int at = pairs.isEmpty() ? close : doc.contentEnd(pairs.get(pairs.size() - 1));
            return splice(text, at, at, (pairs.isEmpty() ? "" : ", ") + pair);
        }
        String indent = doc.ownLineIndent(pairs.get(0).getKeyNode(), "the first setting");
        int at = doc.lineEndAfter(doc.contentEnd(pairs.get(pairs.size() - 1)));
        return insertLines(text, at, List.of(indent + pair), newline);
    }

    private static String unset(SettingsDocument doc, NodeTuple env, EnvironmentField field, String newline) {
        if (!(env.getValueNode() instanceof MappingNode mapping)) {
            return doc.text();
        }
        List<String> keys = field.keys();
        Optional<NodeTuple> first = SettingsDocument.entry(mapping, keys.get(0), false);
        if (first.isEmpty()) {
            return doc.text();
        }
        if (keys.size() == 1) {
            return removePair(doc, mapping, first.get(), newline);
        }
        if (!(first.get().getValueNode() instanceof MappingNode section)) {
            return doc.text();
        }
        Optional<NodeTuple> pair = SettingsDocument.entry(section, keys.get(1), false);
        if (pair.isEmpty()) {
            return doc.text();
        }
        // An empty section would mean "none" (e.g. no notifications), not "as the top level says".
        return section.getValue().size() == 1
                ? removePair(doc, mapping, first.get(), newline)
                : removePair(doc, section, pair.get(), newline);
    }

    /** Removes a pair: its own lines in a block mapping, its {@code key: value} and one comma in a flow one. */
    private static String removePair(SettingsDocument doc, MappingNode mapping, NodeTuple pair, String newline) {
        String text = doc.text();
        List<NodeTuple> pairs = mapping.getValue();
        int index = pairs.indexOf(pair);
        if (SettingsDocument.isFlow(mapping)) {
            if (index > 0) {
                return splice(text, doc.contentEnd(pairs.get(index - 1)), doc.contentEnd(pair), "");
            }
            if (pairs.size() > 1) {
                return splice(text, doc.start(pair.getKeyNode()), doc.start(pairs.get(1).getKeyNode()), "");
            }
            return splice(text, doc.start(pair.getKeyNode()), doc.contentEnd(pair), "");
        }
        doc.ownLineIndent(pair.getKeyNode(), "the setting");
        return removeLines(doc, doc.lineStart(doc.start(pair.getKeyNode())), doc.lineEndAfter(doc.contentEnd(pair)));
    }

    private static String add(Path file, String text, String newline, EnvironmentEdit.Add add) {
        SettingsDocument doc = SettingsDocument.parse(file, text);
        MappingNode environments = environments(doc);
        List<NodeTuple> envs = environments.getValue();
        if (SettingsDocument.entry(environments, add.environment(), true).isPresent()) {
            NodeTuple existing = SettingsDocument.entry(environments, add.environment(), true).orElseThrow();
            throw doc.problem(existing.getKeyNode(), "there is already an environment '"
                    + ((ScalarNode) existing.getKeyNode()).getValue() + "' (names are compared ignoring case);"
                    + " choose another name");
        }
        NodeTuple last = envs.get(envs.size() - 1);
        String envIndent = doc.ownLineIndent(envs.get(0).getKeyNode(), "the first environment");
        String inner = envIndent + " ".repeat(innerIndent(doc, envs));
        List<String> lines = new ArrayList<>();
        if (envs.size() > 1 && doc.isBlankLine(doc.lineStart(doc.lineStart(doc.start(last.getKeyNode())) - 1))) {
            lines.add("");
        }
        lines.add(envIndent + YamlScalars.text(add.environment(), null) + ":" + (add.values().isEmpty() ? " {}" : ""));
        Map<String, List<String>> settings = new LinkedHashMap<>();
        for (Map.Entry<EnvironmentField, String> value : add.values().entrySet()) {
            EnvironmentField field = value.getKey();
            String written = YamlScalars.value(field, value.getValue(), null);
            List<String> keys = field.keys();
            settings.computeIfAbsent(keys.get(0), k -> new ArrayList<>())
                    .add(keys.size() == 1 ? written : keys.get(1) + ": " + written);
        }
        settings.forEach((key, parts) -> lines.add(inner + key + ": " + (isSection(key)
                ? "{" + String.join(", ", parts) + "}" : parts.get(0))));
        return insertLines(text, doc.lineEndAfter(doc.contentEnd(last)), lines, newline);
    }

    /** How far the settings of a block environment are indented beyond its name, as the file already does it. */
    private static int innerIndent(SettingsDocument doc, List<NodeTuple> envs) {
        for (NodeTuple env : envs) {
            if (env.getValueNode() instanceof MappingNode m && !SettingsDocument.isFlow(m) && !m.getValue().isEmpty()) {
                int width = doc.linePrefix(doc.start(m.getValue().get(0).getKeyNode())).length()
                        - doc.linePrefix(doc.start(env.getKeyNode())).length();
                if (width > 0) {
                    return width;
                }
            }
        }
        return DEFAULT_INDENT;
    }

    private static String remove(Path file, String text, String name) {
        SettingsDocument doc = SettingsDocument.parse(file, text);
        MappingNode environments = environments(doc);
        NodeTuple env = environment(doc, name);
        List<NodeTuple> envs = environments.getValue();
        doc.ownLineIndent(env.getKeyNode(), "environment " + name);
        int start = doc.lineStart(doc.start(env.getKeyNode()));
        int end = doc.lineEndAfter(doc.contentEnd(env));
        boolean lastOne = envs.indexOf(env) == envs.size() - 1;
        if (lastOne && start > 0 && doc.isBlankLine(doc.lineStart(start - 1))) {
            // keep the blank line that separated the environments from following the one removed
            start = doc.lineStart(start - 1);
        } else if (!lastOne && doc.isBlankLine(end)) {
            end = doc.lineEndAfter(end + 1);
        }
        return removeLines(doc, start, end);
    }

    private static String rename(Path file, String text, EnvironmentEdit.Rename rename) {
        SettingsDocument doc = SettingsDocument.parse(file, text);
        NodeTuple env = environment(doc, rename.environment());
        Node key = env.getKeyNode();
        ScalarStyle style = key instanceof ScalarNode s ? s.getScalarStyle() : ScalarStyle.PLAIN;
        return splice(text, doc.start(key), doc.end(key), YamlScalars.text(rename.newName(),
                style == ScalarStyle.PLAIN ? null : style));
    }

    private static MappingNode environments(SettingsDocument doc) {
        NodeTuple tuple = SettingsDocument.entry(doc.root(), ENVIRONMENTS, false).orElseThrow(() ->
                doc.problem(doc.root(), "the settings file has no 'environments' mapping; add one by hand first"));
        if (!(tuple.getValueNode() instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            throw doc.problem(tuple.getValueNode(), "environments is not a mapping of environments; correct it by"
                    + " hand first");
        }
        if (SettingsDocument.isFlow(mapping)) {
            throw doc.problem(mapping, "environments is written as a flow mapping ({...}); write each environment"
                    + " on lines of its own to add or remove environments here");
        }
        return mapping;
    }

    private static NodeTuple environment(SettingsDocument doc, String name) {
        MappingNode environments = environments(doc);
        return SettingsDocument.entry(environments, name, true).orElseThrow(() -> doc.problem(environments,
                "there is no environment '" + name + "' in the settings file (it may have been removed or renamed"
                        + " elsewhere); reload the settings"));
    }

    /**
     * Inserts lines at a line start. At the end of a file without a final line break the break goes before them,
     * so that removing them again restores the file exactly.
     */
    private static String insertLines(String text, int at, List<String> lines, String newline) {
        String joined = String.join(newline, lines);
        if (at == text.length() && !text.isEmpty() && !text.endsWith("\n")) {
            return text + newline + joined;
        }
        return splice(text, at, at, joined + newline);
    }

    /** Removes whole lines; at the end of a file without a final break the break before them goes too. */
    private static String removeLines(SettingsDocument doc, int start, int end) {
        String text = doc.text();
        int from = start;
        if (end == text.length() && !text.endsWith("\n") && from > 0) {
            from = text.charAt(from - 1) == '\n' && from > 1 && text.charAt(from - 2) == '\r' ? from - 2 : from - 1;
        }
        return splice(text, from, end, "");
    }

    private static String splice(String text, int from, int to, String with) {
        return text.substring(0, from) + with + text.substring(to);
    }

    private static boolean isSection(String key) {
        return java.util.Arrays.stream(EnvironmentField.values()).anyMatch(f -> f.section().filter(key::equals)
                .isPresent());
    }
}
