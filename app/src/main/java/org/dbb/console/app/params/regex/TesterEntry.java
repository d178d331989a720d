package org.dbb.console.app.params.regex;

import java.util.Objects;

import org.dbb.console.core.workspace.params.FindReplaceEntry;
import org.dbb.console.core.workspace.params.ItemFilters;

/**
 * A {@code find_replace} entry the tester can try, as the entry chooser lists it. Immutable.
 *
 * @param entry the entry as fabric-cicd reads it (templates merged; main-file entries keep their numbers)
 */
public record TesterEntry(FindReplaceEntry entry) {

    public TesterEntry {
        Objects.requireNonNull(entry, "entry");
    }

    public int number() {
        return entry.number();
    }

    /** {@code find_replace 3 · regex · "default_lakehouse…"}. */
    public String label() {
        String find = entry.findValue();
        String shown = find.length() > 48 ? find.substring(0, 47) + "…" : find;
        return "find_replace " + entry.number() + " · " + (entry.regex() ? "regex" : "literal") + " · " + shown;
    }

    /** The filters in words, e.g. {@code item_type Notebook · item_name nb_a, nb_b}; "every item file" when none. */
    public String filters() {
        ItemFilters f = entry.filters();
        if (f.isEmpty()) {
            return "no filters: every item file in scope";
        }
        StringBuilder text = new StringBuilder();
        append(text, "item_type", f.itemTypes().toString());
        append(text, "item_name", f.itemNames().toString());
        append(text, "file_path", f.filePaths().toString());
        return text.toString();
    }

    private static void append(StringBuilder text, String name, String values) {
        if (values.equals("[]")) {
            return;
        }
        if (!text.isEmpty()) {
            text.append(" · ");
        }
        text.append(name).append(' ').append(values, 1, values.length() - 1);
    }

    @Override
    public String toString() {
        return label();
    }
}
