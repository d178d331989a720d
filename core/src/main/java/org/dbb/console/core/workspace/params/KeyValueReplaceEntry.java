package org.dbb.console.core.workspace.params;

/**
 * One {@code key_value_replace} entry: a JSONPath whose every match is set to the environment's value in JSON
 * or YAML files. Immutable.
 *
 * @param number       1-based position in the {@code key_value_replace} list after {@code extend} merging
 * @param position     where the entry starts
 * @param findKey      the JSONPath (starts with {@code $})
 * @param replaceValue environment to value; values are plain Java data as YAML read them ({@code String},
 *                     {@code Boolean}, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double},
 *                     {@code List}, {@code Map}), all of one type
 * @param filters      the entry's filters
 */
public record KeyValueReplaceEntry(int number, SourcePosition position, String findKey,
                                   EnvironmentValues<Object> replaceValue, ItemFilters filters) {
}
