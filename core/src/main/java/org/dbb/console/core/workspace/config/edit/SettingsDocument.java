package org.dbb.console.core.workspace.config.edit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import org.dbb.console.core.files.yaml.PositionedYaml;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;

/**
 * One version of the text of {@code dbb-console.yml} composed into nodes, with the offset and line arithmetic a
 * text splice needs. SnakeYAML marks count code points while Java strings count UTF-16 units, so every position
 * goes through {@link #offset(Mark)}. Immutable; one per version of the text.
 */
final class SettingsDocument {

    private final Path file;
    private final String text;
    private final MappingNode root;
    /** Code point index to char offset; null when both are the same. */
    private final int[] charOffsets;

    private SettingsDocument(Path file, String text, MappingNode root) {
        this.file = file;
        this.text = text;
        this.root = root;
        this.charOffsets = text.length() == text.codePointCount(0, text.length()) ? null : codePoints(text);
    }

    /**
     * Composes {@code text}.
     *
     * @throws InvalidInputException when it is not YAML or not a mapping
     */
    static SettingsDocument parse(Path file, String text) {
        PositionedYaml yaml = new PositionedYaml(file, PositionedYaml.KeyMatch.EXACT);
        Node node = yaml.compose(text).orElseThrow(() -> yaml.problems().isEmpty()
                ? new InvalidInputException(Problem.error(file, 1, 1, "the settings file is empty"))
                : new InvalidInputException(yaml.problems()));
        if (!(node instanceof MappingNode mapping)) {
            throw new InvalidInputException(Problem.error(file, 1, 1, "the settings file must be a mapping"));
        }
        return new SettingsDocument(file, text, mapping);
    }

    String text() {
        return text;
    }

    MappingNode root() {
        return root;
    }

    /** The pair of {@code mapping} whose key is {@code key}, compared exactly or ignoring case. */
    static Optional<NodeTuple> entry(MappingNode mapping, String key, boolean ignoreCase) {
        return mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k
                        && (ignoreCase ? k.getValue().equalsIgnoreCase(key) : k.getValue().equals(key)))
                .findFirst();
    }

    static boolean isFlow(Node node) {
        return node instanceof CollectionNode<?> c && c.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
    }

    /** Whether a value is written as nothing at all ({@code key:} and the end of the line). */
    static boolean isEmptyValue(Node node) {
        return node instanceof ScalarNode s && s.getTag() == Tag.NULL && s.getValue().isEmpty();
    }

    int offset(Mark mark) {
        int index = mark.getIndex();
        return charOffsets == null ? index : charOffsets[Math.min(index, charOffsets.length - 1)];
    }

    int start(Node node) {
        return offset(node.getStartMark());
    }

    int end(Node node) {
        return offset(node.getEndMark());
    }

    /**
     * Where the text of a pair ends: its value's last character. A block collection's end mark lies beyond the
     * comments and blank lines that follow it, and a block scalar's beyond its line breaks, so both are narrowed.
     */
    int contentEnd(NodeTuple tuple) {
        Node value = tuple.getValueNode();
        if (isEmptyValue(value)) {
            return end(tuple.getKeyNode());
        }
        return contentEnd(value);
    }

    int contentEnd(Node node) {
        if (node instanceof MappingNode m && !isFlow(m) && !m.getValue().isEmpty()) {
            List<NodeTuple> pairs = m.getValue();
            return contentEnd(pairs.get(pairs.size() - 1));
        }
        if (node instanceof SequenceNode s && !isFlow(s) && !s.getValue().isEmpty()) {
            return contentEnd(s.getValue().get(s.getValue().size() - 1));
        }
        int end = end(node);
        if (node instanceof ScalarNode scalar && scalar.getScalarStyle().getChar() != null
                && (scalar.getScalarStyle().getChar() == '|' || scalar.getScalarStyle().getChar() == '>')) {
            while (end > start(node) && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
        }
        return end;
    }

    /** Offset of the first char of the line holding {@code pos}. */
    int lineStart(int pos) {
        return pos <= 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1;
    }

    /** Offset just after the line break ending the line that holds the char before {@code contentEnd}. */
    int lineEndAfter(int contentEnd) {
        int lf = text.indexOf('\n', Math.max(0, contentEnd - 1));
        return lf < 0 ? text.length() : lf + 1;
    }

    /** The text between the start of {@code pos}'s line and {@code pos}. */
    String linePrefix(int pos) {
        return text.substring(lineStart(pos), pos);
    }

    /** Whether the line starting at {@code lineStart} holds only blanks (and its break). */
    boolean isBlankLine(int lineStart) {
        if (lineStart >= text.length()) {
            return false;
        }
        int end = lineEndAfter(lineStart + 1);
        return text.substring(lineStart, end).isBlank();
    }

    /**
     * The indentation before a key that starts its own line.
     *
     * @throws InvalidInputException when something else precedes it on its line
     */
    String ownLineIndent(Node key, String what) {
        String prefix = linePrefix(start(key));
        if (!prefix.isBlank()) {
            throw problem(key, what + " shares its line with other text; put it on a line of its own to edit it"
                    + " here, or edit the file by hand");
        }
        return prefix;
    }

    InvalidInputException problem(Node at, String message) {
        return new InvalidInputException(Problem.error(file, PositionedYaml.line(at), PositionedYaml.column(at),
                message));
    }

    private static int[] codePoints(String text) {
        int count = text.codePointCount(0, text.length());
        int[] offsets = new int[count + 1];
        int offset = 0;
        for (int i = 0; i < count; i++) {
            offsets[i] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        offsets[count] = offset;
        return offsets;
    }
}
