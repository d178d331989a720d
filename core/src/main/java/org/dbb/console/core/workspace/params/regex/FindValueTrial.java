package org.dbb.console.core.workspace.params.regex;

import java.util.Objects;

import org.dbb.console.core.workspace.params.FindReplaceEntry;
import org.dbb.console.core.workspace.params.ItemFilters;

/**
 * A find value to try on the repository's item files, as a {@code find_replace} entry would use it. Immutable.
 *
 * @param findValue  the literal, or the Python pattern when {@code regex}
 * @param regex      {@code is_regex: "true"}
 * @param ignoreCase {@code ignore_case: "true"}
 * @param filters    which files it applies to
 */
public record FindValueTrial(String findValue, boolean regex, boolean ignoreCase, ItemFilters filters) {

    public FindValueTrial {
        Objects.requireNonNull(findValue, "findValue");
        Objects.requireNonNull(filters, "filters");
    }

    /** The entry's own find value, flags and filters. */
    public static FindValueTrial of(FindReplaceEntry entry) {
        return new FindValueTrial(entry.findValue(), entry.regex(), entry.ignoreCase(), entry.filters());
    }

    /** The same trial with another find value. */
    public FindValueTrial withFindValue(String value) {
        return new FindValueTrial(value, regex, ignoreCase, filters);
    }
}
