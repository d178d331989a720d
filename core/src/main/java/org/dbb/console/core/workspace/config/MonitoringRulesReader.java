package org.dbb.console.core.workspace.config;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import org.dbb.console.core.files.yaml.PositionedYaml;

/**
 * Reads the {@code rules} list of a {@code monitoring} section: each rule's kind, the names it uses and its limits,
 * every mistake reported at its line and column. Whether the names exist in the workspace is checked later, against
 * the repository. Not thread-safe: one per settings file read.
 */
final class MonitoringRulesReader {

    private static final Pattern DURATION = Pattern.compile(
            "(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m)?\\s*(?:(\\d+)\\s*s)?");
    private static final Set<String> ALL_KEYS = ordered("kind", "stage", "activities", "activity", "target",
            "minimum");
    private static final Map<MonitoringRuleKind, Set<String>> KEYS = Map.of(
            MonitoringRuleKind.INCOMPLETE_LOAD, ordered("kind", "stage", "activities"),
            MonitoringRuleKind.DURATION_OVER_TARGET, ordered("kind", "stage", "activity", "target"),
            MonitoringRuleKind.ROWS_BELOW_MINIMUM, ordered("kind", "activity", "minimum", "stage"));

    private final PositionedYaml yaml;

    MonitoringRulesReader(PositionedYaml yaml) {
        this.yaml = yaml;
    }

    /** The rules of {@code node}, a list; {@code where} names it in messages, e.g. {@code monitoring.rules}. */
    List<MonitoringRuleSetting> rules(Node node, String where) {
        List<MonitoringRuleSetting> rules = new ArrayList<>();
        List<Node> items = yaml.sequence(node, where).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            rule(items.get(i), where + " #" + (i + 1)).ifPresent(rules::add);
        }
        return rules;
    }

    private Optional<MonitoringRuleSetting> rule(Node node, String where) {
        Optional<Map<String, NodeTuple>> mapping = yaml.mapping(node, where, ALL_KEYS);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Map<String, NodeTuple> m = mapping.get();
        if (!m.containsKey("kind")) {
            yaml.error(node, where + " needs 'kind': one of " + MonitoringRuleKind.choices());
            return Optional.empty();
        }
        Optional<String> kindText = yaml.text(m.get("kind").getValueNode(), where + ".kind");
        if (kindText.isEmpty()) {
            return Optional.empty();
        }
        Optional<MonitoringRuleKind> kind = MonitoringRuleKind.parse(kindText.get());
        if (kind.isEmpty()) {
            yaml.error(m.get("kind").getValueNode(), where + ".kind '" + kindText.get() + "' is not a rule kind;"
                    + " use one of " + MonitoringRuleKind.choices());
            return Optional.empty();
        }
        Set<String> allowed = KEYS.get(kind.get());
        boolean misplaced = false;
        for (Map.Entry<String, NodeTuple> entry : m.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                yaml.error(entry.getValue().getKeyNode(), where + ": '" + entry.getKey() + "' does not apply to a "
                        + kind.get().wireName() + " rule; its keys are " + String.join(", ", allowed));
                misplaced = true;
            }
        }
        int line = PositionedYaml.line(node);
        int column = PositionedYaml.column(node);
        Optional<MonitoringRuleSetting> rule = switch (kind.get()) {
            case INCOMPLETE_LOAD -> incompleteLoad(node, m, where, line, column);
            case DURATION_OVER_TARGET -> durationOverTarget(node, m, where, line, column);
            case ROWS_BELOW_MINIMUM -> rowsBelowMinimum(node, m, where, line, column);
        };
        return misplaced ? Optional.empty() : rule;
    }

    private Optional<MonitoringRuleSetting> incompleteLoad(Node node, Map<String, NodeTuple> m, String where,
                                                           int line, int column) {
        Optional<String> stage = required(node, m, "stage", where, "the stage whose loads must complete");
        List<String> activities = new ArrayList<>();
        boolean readable = true;
        if (m.containsKey("activities")) {
            Node list = m.get("activities").getValueNode();
            Optional<List<Node>> names = yaml.sequence(list, where + ".activities");
            readable = names.isPresent();
            for (Node name : names.orElse(List.of())) {
                Optional<String> text = yaml.text(name, "each entry of " + where + ".activities");
                if (text.isEmpty()) {
                    readable = false;
                } else if (activities.contains(text.get())) {
                    yaml.warning(name, where + ".activities lists '" + text.get() + "' twice");
                } else {
                    activities.add(text.get());
                }
            }
            if (names.isPresent() && names.get().isEmpty()) {
                yaml.error(list, where + ".activities is empty; list the activities expected, or leave the key out"
                        + " to expect every Copy activity of the stage");
                readable = false;
            }
        }
        if (stage.isEmpty() || !readable) {
            return Optional.empty();
        }
        return Optional.of(new MonitoringRuleSetting.IncompleteLoad(stage.get(), activities, line, column));
    }

    private Optional<MonitoringRuleSetting> durationOverTarget(Node node, Map<String, NodeTuple> m, String where,
                                                               int line, int column) {
        Optional<String> stage = required(node, m, "stage", where, "the stage to time");
        Optional<String> activity = m.containsKey("activity")
                ? yaml.text(m.get("activity").getValueNode(), where + ".activity") : Optional.empty();
        Optional<Duration> target = m.containsKey("target")
                ? duration(m.get("target").getValueNode(), where + ".target") : missing(node, where, "target",
                "the longest it may take, e.g. 20m or 1h30m");
        if (stage.isEmpty() || target.isEmpty() || m.containsKey("activity") && activity.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MonitoringRuleSetting.DurationOverTarget(stage.get(), activity, target.get(), line,
                column));
    }

    private Optional<MonitoringRuleSetting> rowsBelowMinimum(Node node, Map<String, NodeTuple> m, String where,
                                                             int line, int column) {
        Optional<String> activity = required(node, m, "activity", where, "the Copy activity whose rows to count");
        Optional<String> stage = m.containsKey("stage")
                ? yaml.text(m.get("stage").getValueNode(), where + ".stage") : Optional.empty();
        Optional<Long> minimum = m.containsKey("minimum")
                ? rows(m.get("minimum").getValueNode(), where + ".minimum") : missing(node, where, "minimum",
                "the fewest rows the copy may write, e.g. 1000");
        if (activity.isEmpty() || minimum.isEmpty() || m.containsKey("stage") && stage.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MonitoringRuleSetting.RowsBelowMinimum(stage, activity.get(), minimum.get(), line,
                column));
    }

    private Optional<String> required(Node node, Map<String, NodeTuple> m, String key, String where, String what) {
        if (!m.containsKey(key)) {
            return missing(node, where, key, what);
        }
        return yaml.text(m.get(key).getValueNode(), where + "." + key);
    }

    private <T> Optional<T> missing(Node node, String where, String key, String what) {
        yaml.error(node, where + " needs '" + key + "': " + what);
        return Optional.empty();
    }

    /** Hours, minutes and seconds written like {@code 20m}, {@code 1h30m} or {@code 90s}. */
    private Optional<Duration> duration(Node node, String where) {
        if (node instanceof ScalarNode scalar && (scalar.getTag() == Tag.INT || scalar.getTag() == Tag.FLOAT)) {
            yaml.error(node, where + " " + scalar.getValue() + " has no unit; write it like " + scalar.getValue()
                    + "m for minutes (or s, h, e.g. 1h30m)");
            return Optional.empty();
        }
        Optional<String> text = yaml.text(node, where);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = DURATION.matcher(text.get().strip());
        if (!matcher.matches() || matcher.group(1) == null && matcher.group(2) == null && matcher.group(3) == null) {
            yaml.error(node, where + " '" + text.get() + "' is not a duration; write hours, minutes and seconds"
                    + " like 20m, 1h30m or 90s");
            return Optional.empty();
        }
        try {
            Duration d = Duration.ofHours(part(matcher.group(1))).plusMinutes(part(matcher.group(2)))
                    .plusSeconds(part(matcher.group(3)));
            if (d.isZero()) {
                yaml.error(node, where + " must be longer than 0; give the longest it may take, e.g. 20m");
                return Optional.empty();
            }
            return Optional.of(d);
        } catch (ArithmeticException | NumberFormatException e) {
            yaml.error(node, where + " '" + text.get() + "' is too long a duration; give at most a few days");
            return Optional.empty();
        }
    }

    private static long part(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /** A row count: a whole number, 0 or more. */
    private Optional<Long> rows(Node node, String where) {
        if (!(node instanceof ScalarNode scalar) || scalar.getTag() != Tag.INT) {
            yaml.error(node, where + " must be a whole number of rows, not "
                    + (node instanceof ScalarNode s && s.getTag() != Tag.NULL
                    ? PositionedYaml.describe(node) + " '" + s.getValue() + "'" : PositionedYaml.describe(node)));
            return Optional.empty();
        }
        BigInteger value;
        try {
            value = new BigInteger(scalar.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            yaml.error(node, where + " must be a whole number written in decimal, not '" + scalar.getValue() + "'");
            return Optional.empty();
        }
        if (value.signum() < 0) {
            yaml.error(node, where + " must be 0 or more rows, not " + scalar.getValue()
                    + "; a copy cannot write fewer than 0 rows");
            return Optional.empty();
        }
        if (value.bitLength() > 62) {
            yaml.error(node, where + " " + scalar.getValue() + " is more rows than any table holds");
            return Optional.empty();
        }
        return Optional.of(value.longValue());
    }

    private static Set<String> ordered(String... keys) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
    }
}
