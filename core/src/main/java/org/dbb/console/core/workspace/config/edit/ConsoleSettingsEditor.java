package org.dbb.console.core.workspace.config.edit;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import org.dbb.console.core.files.AtomicFileWriter;
import org.dbb.console.core.files.TextFile;
import org.dbb.console.core.files.yaml.PositionedYaml;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.config.ConsoleSettings;
import org.dbb.console.core.workspace.config.ConsoleSettingsReader;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.config.RefreshSettings;
import org.dbb.console.core.workspace.config.SettingValue;

/**
 * Changes {@code dbb-console.yml} in place: {@code refresh.concurrency}, and the settings of environments (values,
 * adding, removing and renaming environments). A new value takes the old one's characters, or one new line is
 * added, and every other byte (comments, key order, quoting, line endings, byte-order mark) stays as it was. The
 * edited text is read back before it is written: it must pass the checks {@code dbb validate} makes, with the same
 * messages, and mean the old settings with only the asked-for change. Secrets (webhook URLs, client secrets) are
 * never written: only {@code $ENV:NAME} references to them. The file is written atomically, keeping the previous
 * version as {@code dbb-console.yml.bak}. Thread-safe; concurrent edits of one file must be serialised by the
 * caller.
 */
public final class ConsoleSettingsEditor {

    private static final String REFRESH = "refresh";
    private static final String CONCURRENCY = "concurrency";
    private static final String SETTING = REFRESH + "." + CONCURRENCY;

    private final ConsoleSettingsReader reader;
    private final AtomicFileWriter writer;
    private final EnvironmentTextEditor environments = new EnvironmentTextEditor();

    public ConsoleSettingsEditor(ConsoleSettingsReader reader, AtomicFileWriter writer) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /**
     * Sets {@code refresh.concurrency} of the repository at {@code root} to {@code cap}.
     *
     * @throws InvalidInputException when the repository has no settings file, the file has errors, or the value is
     *                               out of range; the file is then unchanged
     */
    public SettingsChange setRefreshConcurrency(Path root, int cap) {
        Path file = root.toAbsolutePath().normalize().resolve(ConsoleSettings.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(Problem.error(file, 0, 0, "there is no " + ConsoleSettings.FILE_NAME
                    + " to save the refresh concurrency in; create it (for example with `dbb open`) first"));
        }
        TextFile original = TextFile.read(file);
        ConsoleSettings before = reader.readText(file, original.text());
        OptionalInt old = before.refresh().concurrency();
        if (old.isPresent() && old.getAsInt() == cap) {
            return new SettingsChange(file, SETTING, Optional.of(Integer.toString(cap)), Integer.toString(cap), false);
        }
        String edited = withRefreshConcurrency(file, original, cap);
        ConsoleSettings after = reader.readText(file, edited);
        verify(file, before, after, cap);
        writer.write(file, original.withText(edited).toBytes());
        return new SettingsChange(file, SETTING, old.isPresent() ? Optional.of(Integer.toString(old.getAsInt()))
                : Optional.empty(), Integer.toString(cap), true);
    }

    /**
     * Computes an environment edit of the repository at {@code root} without writing.
     *
     * @throws InvalidInputException as {@link #preview(TextFile, EnvironmentEdit)}, or when there is no settings
     *                               file
     */
    public SettingsFileEdit preview(Path root, EnvironmentEdit edit) {
        Path file = root.toAbsolutePath().normalize().resolve(ConsoleSettings.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(Problem.error(file, 0, 0, "there is no " + ConsoleSettings.FILE_NAME
                    + " to edit; create it (for example with `dbb open`) first"));
        }
        return preview(TextFile.read(file), edit);
    }

    /**
     * Computes an environment edit of {@code original} (the settings file as read) without writing. Reads no file,
     * so it may run wherever the caller likes.
     *
     * @throws InvalidInputException when a value is a literal secret or spans lines, the file has errors already,
     *                               or the edited file would have errors (the problems {@code dbb validate} gives,
     *                               with line and column); nothing is written then
     */
    public SettingsFileEdit preview(TextFile original, EnvironmentEdit edit) {
        Path file = original.path().toAbsolutePath().normalize();
        refuseUnwritableValues(file, original.text(), edit);
        ConsoleSettings before = reader.readText(file, original.text());
        String edited = environments.apply(file, original.text(), original.lineSeparator(), edit);
        List<Problem> problems = reader.checkText(file, edited);
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ConsoleSettings after = reader.readText(file, edited);
        JsonNode beforeData = data(file, original.text());
        JsonNode expected = expected(beforeData, edit);
        if (!expected.equals(data(file, edited))) {
            throw new InvalidInputException(Problem.error(file, 0, 0, "making this change in place (" + edit.describe()
                    + ") would change other settings too, so nothing was written; make it by hand"));
        }
        return new SettingsFileEdit(file, original.text(), edited, edit, changes(file, beforeData, before, edit),
                after, problems.stream().filter(p -> !p.isError()).toList());
    }

    /**
     * Writes a previewed edit: atomically, the previous version kept as {@code .bak}, byte-order mark and line
     * endings kept. Writes nothing when the edit changes nothing.
     *
     * @throws InvalidInputException when the file changed on disk since the preview, or cannot be written; the
     *                               file is then unchanged
     */
    public SettingsFileEdit apply(SettingsFileEdit preview) {
        if (!preview.changed()) {
            return preview;
        }
        TextFile current = TextFile.read(preview.file());
        if (!current.text().equals(preview.originalText())) {
            throw new InvalidInputException(Problem.error(preview.file(), 0, 0, "the file changed on disk after the"
                    + " settings were loaded (edited elsewhere?), so nothing was written; reload the settings and"
                    + " make the change again"));
        }
        writer.write(preview.file(), current.withText(preview.editedText()).toBytes());
        return preview;
    }

    /** Secrets never reach the file, not even the text under review; nor does a value that would span lines. */
    private static void refuseUnwritableValues(Path file, String text, EnvironmentEdit edit) {
        Map<EnvironmentField, String> values = new java.util.LinkedHashMap<>();
        if (edit instanceof EnvironmentEdit.Update update) {
            update.values().forEach((field, value) -> value.ifPresent(v -> values.put(field, v)));
        } else if (edit instanceof EnvironmentEdit.Add add) {
            values.putAll(add.values());
        } else if (edit instanceof EnvironmentEdit.Rename rename) {
            requireOneLine(file, "the new name of " + rename.environment(), rename.newName());
        }
        String where = "environments." + edit.environment();
        for (Map.Entry<EnvironmentField, String> entry : values.entrySet()) {
            EnvironmentField field = entry.getKey();
            String value = entry.getValue();
            if (field.secret() && SettingValue.secret(value).environmentReference().isEmpty()) {
                throw new InvalidInputException(Problem.error(file, 0, 0, secretRefusal(where, field, value)));
            }
            requireOneLine(file, where + "." + field.path(), value);
        }
    }

    private static String secretRefusal(String where, EnvironmentField field, String value) {
        String setting = where + "." + field.path();
        if (value.startsWith("$ENV:")) {
            return setting + " is not a valid $ENV:NAME reference; write $ENV: followed by a variable name of"
                    + " letters, digits, '_' or '.', starting with a letter or '_'";
        }
        String what = field == EnvironmentField.WEBHOOK ? "a webhook URL" : "a client secret";
        boolean url = value.contains("://");
        return setting + " was not saved: " + (url || field == EnvironmentField.WEBHOOK ? what : "this value")
                + " is a secret, and " + ConsoleSettings.FILE_NAME + " is committed to Git, so the console never"
                + " writes it there. Put it in the environment's variable group (as a secret variable) or in an OS"
                + " environment variable, and enter a reference to it here, e.g. $ENV:"
                + (field == EnvironmentField.WEBHOOK ? "DBB_TEAMS_WEBHOOK" : "DBB_CLIENT_SECRET");
    }

    private static void requireOneLine(Path file, String setting, String value) {
        if (value.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new InvalidInputException(Problem.error(file, 0, 0, setting + " must be on one line; remove the"
                    + " line breaks"));
        }
    }

    private static JsonNode data(Path file, String text) {
        PositionedYaml yaml = new PositionedYaml(file, PositionedYaml.KeyMatch.EXACT);
        return yaml.toJson(yaml.compose(text).orElseThrow(() -> new InvalidInputException(yaml.problems())));
    }

    /** The data of the file after {@code edit}, made from the data before it: what the edited text must mean. */
    private static JsonNode expected(JsonNode before, EnvironmentEdit edit) {
        ObjectNode data = before.deepCopy();
        ObjectNode envs = (ObjectNode) data.get("environments");
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (edit instanceof EnvironmentEdit.Add add) {
            ObjectNode env = f.objectNode();
            add.values().forEach((field, value) -> put(env, field, value));
            envs.set(add.environment(), env);
            return data;
        }
        String key = envKey(envs, edit.environment());
        if (edit instanceof EnvironmentEdit.Remove) {
            envs.remove(key);
        } else if (edit instanceof EnvironmentEdit.Rename rename) {
            envs.set(rename.newName(), envs.remove(key));
        } else {
            EnvironmentEdit.Update update = (EnvironmentEdit.Update) edit;
            if (!(envs.get(key) instanceof ObjectNode)) {
                envs.set(key, f.objectNode());
            }
            ObjectNode env = (ObjectNode) envs.get(key);
            update.values().forEach((field, value) -> {
                if (value.isPresent()) {
                    put(env, field, value.get());
                } else {
                    unset(env, field);
                }
            });
        }
        return data;
    }

    private static void put(ObjectNode env, EnvironmentField field, String value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode typed = switch (field.kind()) {
            case BOOLEAN -> value.equals("true") || value.equals("false") ? f.booleanNode(Boolean.parseBoolean(value))
                    : f.textNode(value);
            case INTEGER -> YamlScalars.isWholeNumber(value) ? f.numberNode(new BigInteger(value)) : f.textNode(value);
            case TEXT, REFERENCE -> f.textNode(value);
        };
        List<String> keys = field.keys();
        if (keys.size() == 1) {
            env.set(keys.get(0), typed);
            return;
        }
        if (!(env.get(keys.get(0)) instanceof ObjectNode)) {
            env.set(keys.get(0), f.objectNode());
        }
        ((ObjectNode) env.get(keys.get(0))).set(keys.get(1), typed);
    }

    private static void unset(ObjectNode env, EnvironmentField field) {
        List<String> keys = field.keys();
        if (keys.size() == 1) {
            env.remove(keys.get(0));
            return;
        }
        if (env.get(keys.get(0)) instanceof ObjectNode section && section.has(keys.get(1))) {
            section.remove(keys.get(1));
            if (section.isEmpty()) {
                env.remove(keys.get(0));
            }
        }
    }

    /** The environment's key as written; the reader matches names ignoring case. */
    private static String envKey(ObjectNode envs, String name) {
        for (Iterator<String> names = envs.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (key.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return name;
    }

    private static List<SettingsChange> changes(Path file, JsonNode before, ConsoleSettings settings,
                                                EnvironmentEdit edit) {
        List<SettingsChange> out = new ArrayList<>();
        String env = edit.environment();
        if (edit instanceof EnvironmentEdit.Update update) {
            JsonNode envData = before.path("environments").path(envKey((ObjectNode) before.get("environments"), env));
            update.values().forEach((field, value) -> {
                JsonNode old = envData;
                for (String key : field.keys()) {
                    old = old.path(key);
                }
                Optional<String> was = old.isValueNode() && !old.isNull() ? Optional.of(field.display(old.asText()))
                        : Optional.empty();
                String now = value.map(field::display).orElse("not set");
                if (!was.orElse("not set").equals(now)) {
                    out.add(new SettingsChange(file, field.settingOf(env), was, now, true));
                }
            });
        } else if (edit instanceof EnvironmentEdit.Add add) {
            add.values().forEach((field, value) -> out.add(new SettingsChange(file, field.settingOf(env),
                    Optional.empty(), field.display(value), true)));
        } else if (edit instanceof EnvironmentEdit.Remove) {
            String summary = settings.environment(env).map(ConsoleSettingsEditor::summary).orElse(env);
            out.add(new SettingsChange(file, "environments." + env, Optional.of(summary), "removed", true));
        } else if (edit instanceof EnvironmentEdit.Rename rename) {
            out.add(new SettingsChange(file, "environments." + env, Optional.of(env), rename.newName(), true));
        }
        return out;
    }

    /** An environment's settings in one line, secrets masked. */
    private static String summary(EnvironmentSettings env) {
        List<String> parts = new ArrayList<>();
        for (EnvironmentField field : EnvironmentField.values()) {
            field.current(env).ifPresent(v -> parts.add(field.path() + " " + field.display(v)));
        }
        return env.name() + (env.emulator() ? " (sandbox)" : "") + ": " + String.join(", ", parts);
    }

    /** The text of {@code original} with {@code refresh.concurrency} set to {@code cap}. */
    String withRefreshConcurrency(Path file, TextFile original, int cap) {
        String text = original.text();
        String value = Integer.toString(cap);
        String newline = original.lineSeparator();
        PositionedYaml yaml = new PositionedYaml(file, PositionedYaml.KeyMatch.EXACT);
        Node root = yaml.compose(text).orElseThrow(() -> new InvalidInputException(yaml.problems()));
        if (!(root instanceof MappingNode top)) {
            throw new InvalidInputException(Problem.error(file, 1, 1, "the settings file must be a mapping"));
        }
        Optional<NodeTuple> refresh = entry(top, REFRESH);
        if (refresh.isEmpty()) {
            String separator = text.isEmpty() || text.endsWith("\n") ? "" : newline;
            return text + separator + REFRESH + ":" + newline + "  " + CONCURRENCY + ": " + value + newline;
        }
        if (!(refresh.get().getValueNode() instanceof MappingNode section)) {
            throw new InvalidInputException(Problem.error(file, PositionedYaml.line(refresh.get().getValueNode()),
                    PositionedYaml.column(refresh.get().getValueNode()), "refresh must be a mapping of keys to"
                            + " values; correct it before saving the refresh concurrency"));
        }
        Optional<NodeTuple> existing = entry(section, CONCURRENCY);
        if (existing.isPresent()) {
            Node old = existing.get().getValueNode();
            return replace(text, offset(text, old.getStartMark().getIndex()), offset(text, old.getEndMark().getIndex()),
                    value);
        }
        if (section.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            int close = text.lastIndexOf('}', offset(text, section.getEndMark().getIndex()));
            String pair = (section.getValue().isEmpty() ? "" : ", ") + CONCURRENCY + ": " + value;
            return replace(text, close, close, pair);
        }
        return insertLine(text, section, CONCURRENCY + ": " + value, newline);
    }

    /**
     * Adds a key line to a block mapping: after its last entry when that entry's value ends on its own line, else
     * above its first key (a nested block's end position lies beyond comments that follow it).
     */
    private static String insertLine(String text, MappingNode section, String pair, String newline) {
        List<NodeTuple> tuples = section.getValue();
        Node firstKey = tuples.get(0).getKeyNode();
        String indent = " ".repeat(firstKey.getStartMark().getColumn());
        Node lastValue = tuples.get(tuples.size() - 1).getValueNode();
        if (endsOnItsLine(lastValue)) {
            int end = offset(text, lastValue.getEndMark().getIndex());
            int lineEnd = text.indexOf('\n', end);
            if (lineEnd < 0) {
                return text + newline + indent + pair + newline;
            }
            return replace(text, lineEnd + 1, lineEnd + 1, indent + pair + newline);
        }
        int lineStart = text.lastIndexOf('\n', offset(text, firstKey.getStartMark().getIndex()) - 1) + 1;
        return replace(text, lineStart, lineStart, indent + pair + newline);
    }

    /** Whether a value's end position is on the line its last character is on (not a block collection or text). */
    private static boolean endsOnItsLine(Node value) {
        if (value instanceof ScalarNode scalar) {
            Character style = scalar.getScalarStyle().getChar();
            return style == null || style != '|' && style != '>';
        }
        return value instanceof CollectionNode<?> collection
                && collection.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
    }

    private static void verify(Path file, ConsoleSettings before, ConsoleSettings after, int cap) {
        RefreshSettings r = before.refresh();
        // stage groups and monitoring rules remember their line, which an added line moves; their content must
        // stay the same
        ConsoleSettings expected = new ConsoleSettings(before.file(), before.repositoryDirectory(),
                before.masterPipeline(), new RefreshSettings(r.pipeline(), r.parameter(), r.defaultTargetMinutes(),
                r.targetMinutes(), OptionalInt.of(cap)), before.stages(), before.monitoring(),
                before.notifications(), before.environments(), before.monitoringRules());
        if (!expected.withoutPositions().equals(after.withoutPositions())) {
            throw new InvalidInputException(Problem.error(file, 0, 0, "setting " + SETTING + " in place would"
                    + " change other settings too, so the file was left unchanged; set it by hand"));
        }
    }

    private static Optional<NodeTuple> entry(MappingNode mapping, String key) {
        return mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .findFirst();
    }

    /** SnakeYAML counts code points; Java strings count UTF-16 units. */
    private static int offset(String text, int codePoints) {
        return text.offsetByCodePoints(0, codePoints);
    }

    private static String replace(String text, int from, int to, String with) {
        return text.substring(0, from) + with + text.substring(to);
    }
}
