package org.dbb.console.core.workspace.config.edit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

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
import org.dbb.console.core.workspace.config.RefreshSettings;

/**
 * Changes single values of {@code dbb-console.yml} in place: the new value takes the old one's characters, or one
 * new line is added, and every other byte (comments, key order, quoting, line endings, byte-order mark) stays as it
 * was. The edited text is read back before it is written, and must mean the old settings with only that value
 * changed; the file is written atomically, keeping the previous version as {@code dbb-console.yml.bak}.
 * Thread-safe; concurrent edits of one file must be serialised by the caller.
 */
public final class ConsoleSettingsEditor {

    private static final String REFRESH = "refresh";
    private static final String CONCURRENCY = "concurrency";
    private static final String SETTING = REFRESH + "." + CONCURRENCY;

    private final ConsoleSettingsReader reader;
    private final AtomicFileWriter writer;

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
        // stage groups remember their line, which an added line moves; their content must stay the same
        boolean sameStages = before.stages().stream().map(s -> List.of(s.name(), s.activities())).toList()
                .equals(after.stages().stream().map(s -> List.of(s.name(), s.activities())).toList());
        ConsoleSettings expected = new ConsoleSettings(before.file(), before.repositoryDirectory(),
                before.masterPipeline(), new RefreshSettings(r.pipeline(), r.parameter(), r.defaultTargetMinutes(),
                r.targetMinutes(), OptionalInt.of(cap)), after.stages(), before.monitoring(),
                before.notifications(), before.environments());
        if (!sameStages || !expected.equals(after)) {
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
