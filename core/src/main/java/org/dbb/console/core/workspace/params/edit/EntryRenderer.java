package org.dbb.console.core.workspace.params.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.dbb.console.core.workspace.params.SparkPoolTarget;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

/**
 * Writes a checked {@link NewEntry} as YAML, either as block lines for a block list or as one flow mapping for a
 * flow list, together with the data it stands for. Immutable.
 */
final class EntryRenderer {

    /**
     * Indentation of a block list item: the dash's indentation, how far the item's keys sit right of the dash, and
     * how far environment keys sit right of {@code replace_value}.
     */
    record Layout(String dashIndent, int keyOffset, int envOffset) {
        Layout {
            keyOffset = Math.max(2, keyOffset);
            envOffset = Math.max(1, envOffset);
        }
    }

    /** One key of the entry: either a one-line value, or an environment map. */
    private record Field(String name, String inline, Object data, List<EnvironmentValue> environments) {
    }

    /** One environment: a one-line value, or (for Spark pools) nested key/value lines. */
    private record EnvironmentValue(String key, String inline, Map<String, String> nested) {
    }

    private final List<Field> fields = new ArrayList<>();
    private final ScalarStyle keyStyle;

    EntryRenderer(NewEntry entry) {
        this(entry, ScalarStyle.PLAIN);
    }

    /**
     * @param keyStyle how the file writes environment keys, so the new ones look like their neighbours; plain
     *                 keys are quoted anyway where YAML would read them as something else ({@code NO}, {@code 1})
     */
    EntryRenderer(NewEntry entry, ScalarStyle keyStyle) {
        this.keyStyle = keyStyle;
        if (entry instanceof NewEntry.FindReplace e) {
            String find = e.regex() ? YamlText.regex(e.findValue()) : YamlText.doubleQuoted(e.findValue());
            fields.add(new Field("find_value", find, e.findValue(), null));
            addEnvironments(e.replaceValue());
            if (e.regex()) {
                fields.add(new Field("is_regex", "\"true\"", "true", null));
            }
            if (e.ignoreCase()) {
                fields.add(new Field("ignore_case", "\"true\"", "true", null));
            }
            addFilters(e.filters());
        } else if (entry instanceof NewEntry.KeyValueReplace e) {
            fields.add(new Field("find_key", YamlText.doubleQuoted(e.findKey()), e.findKey(), null));
            addEnvironments(e.replaceValue());
            addFilters(e.filters());
        } else if (entry instanceof NewEntry.SparkPool e) {
            fields.add(new Field("instance_pool_id", YamlText.doubleQuoted(e.instancePoolId()), e.instancePoolId(),
                    null));
            addEnvironments(e.replaceValue());
            addFilter("item_name", e.itemName());
        } else if (entry instanceof NewEntry.ModelBinding e) {
            addFilter("semantic_model_name", e.semanticModelName());
            addEnvironments("connection_id", e.connectionId());
        }
    }

    private void addEnvironments(Map<String, ?> values) {
        addEnvironments("replace_value", values);
    }

    private void addEnvironments(String name, Map<String, ?> values) {
        List<EnvironmentValue> environments = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            String keyText = YamlText.key(key, keyStyle);
            if (value instanceof SparkPoolTarget pool) {
                Map<String, String> nested = new LinkedHashMap<>();
                SparkPoolValues.asMap(pool).forEach((k, v) -> nested.put(k, YamlText.doubleQuoted((String) v)));
                environments.add(new EnvironmentValue(keyText, null, nested));
            } else {
                environments.add(new EnvironmentValue(keyText, YamlText.flow(value), null));
            }
            data.put(key, value);
        });
        fields.add(new Field(name, null, YamlData.ofJava(data), environments));
    }

    private void addFilters(EntryFilters filters) {
        addFilter("item_type", filters.itemType());
        addFilter("item_name", filters.itemName());
        addFilter("file_path", filters.filePath());
    }

    private void addFilter(String name, List<String> values) {
        if (values.size() == 1) {
            fields.add(new Field(name, YamlText.doubleQuoted(values.get(0)), values.get(0), null));
        } else if (values.size() > 1) {
            fields.add(new Field(name, YamlText.flow(values), YamlData.ofJava(values), null));
        }
    }

    /** The entry as lines of a block list, without line breaks. */
    List<String> blockLines(Layout layout) {
        String keyIndent = layout.dashIndent() + " ".repeat(layout.keyOffset());
        String envIndent = keyIndent + " ".repeat(layout.envOffset());
        String nestedIndent = envIndent + " ".repeat(layout.envOffset());
        List<String> lines = new ArrayList<>();
        for (Field field : fields) {
            String prefix = lines.isEmpty()
                    ? layout.dashIndent() + "-" + " ".repeat(layout.keyOffset() - 1)
                    : keyIndent;
            if (field.environments() == null) {
                lines.add(prefix + field.name() + ": " + field.inline());
                continue;
            }
            lines.add(prefix + field.name() + ":");
            for (EnvironmentValue env : field.environments()) {
                if (env.inline() != null) {
                    lines.add(envIndent + env.key() + ": " + env.inline());
                } else {
                    lines.add(envIndent + env.key() + ":");
                    env.nested().forEach((k, v) -> lines.add(nestedIndent + k + ": " + v));
                }
            }
        }
        return lines;
    }

    /** The entry as one flow mapping. */
    String flow() {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        for (Field field : fields) {
            if (field.environments() == null) {
                out.add(field.name() + ": " + field.inline());
                continue;
            }
            StringJoiner envs = new StringJoiner(", ", "{", "}");
            for (EnvironmentValue env : field.environments()) {
                if (env.inline() != null) {
                    envs.add(env.key() + ": " + env.inline());
                } else {
                    StringJoiner nested = new StringJoiner(", ", "{", "}");
                    env.nested().forEach((k, v) -> nested.add(k + ": " + v));
                    envs.add(env.key() + ": " + nested);
                }
            }
            out.add(field.name() + ": " + envs);
        }
        return out.toString();
    }

    /** The data the written entry holds. */
    Object data() {
        List<YamlData.DataPair> pairs = new ArrayList<>();
        for (Field field : fields) {
            pairs.add(new YamlData.DataPair(field.name(), field.data()));
        }
        return new YamlData.DataMap(pairs);
    }
}
