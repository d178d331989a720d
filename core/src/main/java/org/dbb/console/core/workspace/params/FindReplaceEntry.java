package org.dbb.console.core.workspace.params;

/**
 * One {@code find_replace} entry: a literal or regex found in text files and replaced per environment. Immutable.
 *
 * @param number       1-based position in the {@code find_replace} list after {@code extend} merging
 * @param position     where the entry starts
 * @param findValue    the literal, the regex (when {@code regex}), or a {@code $workspace.} variable
 * @param replaceValue environment to replacement (strings; may hold {@code $items}/{@code $workspace} variables)
 * @param regex        {@code is_regex: "true"}
 * @param ignoreCase   {@code ignore_case: "true"}
 * @param filters      the entry's filters
 */
public record FindReplaceEntry(int number, SourcePosition position, String findValue,
                               EnvironmentValues<String> replaceValue, boolean regex, boolean ignoreCase,
                               ItemFilters filters) {
}
