package org.dbb.console.core.workspace.params.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dbb.console.core.problem.Severity;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.ItemFilters;

/**
 * One entry's {@code item_type}, {@code item_name} and {@code file_path} filters, compiled against a repository:
 * AND across the three, OR within a list, an empty list meaning "no filter", compared with the owning item's
 * {@code .platform} type and display name and the file's path — fabric-cicd's {@code check_replacement}. Immutable.
 *
 * @param filters the filters as written
 * @param paths   what {@code file_path} selects, when it is given
 */
record EntryFilters(ItemFilters filters, Optional<FilePathFilter.Selection> paths) {

    static EntryFilters compile(ItemFilters filters, FilePathFilter pathFilter) {
        Optional<FilePathFilter.Selection> paths = filters.filePaths().isEmpty() ? Optional.empty()
                : Optional.of(pathFilter.select(filters.filePaths()));
        return new EntryFilters(filters, paths);
    }

    boolean isEmpty() {
        return filters.isEmpty();
    }

    /** Whether the entry applies to {@code file}. */
    boolean matches(ScopedFile file) {
        if (filters.isEmpty()) {
            return true;
        }
        Item item = file.item();
        boolean type = filters.itemTypes().isEmpty() || filters.itemTypes().contains(item.type());
        boolean name = filters.itemNames().isEmpty() || filters.itemNames().contains(item.displayName());
        boolean path = paths.map(p -> p.contains(file.file())).orElse(true);
        return type && name && path;
    }

    /**
     * What fabric-cicd's validation logs about filter values that find nothing, and whether one whole filter
     * finds nothing (then the entry cannot replace anything).
     */
    Check check(ItemScan scan, Set<String> typesInScope) {
        List<Check.Note> notes = new ArrayList<>();
        boolean typeFinds = filters.itemTypes().isEmpty();
        for (String type : filters.itemTypes()) {
            if (!typesInScope.contains(type)) {
                notes.add(new Check.Note(Severity.WARNING, "Item type '" + type + "' not in scope"));
            } else if (scan.ofType(type).isEmpty()) {
                notes.add(new Check.Note(Severity.WARNING, "No item of type '" + type
                        + "' in the repository directory"));
            } else {
                typeFinds = true;
            }
        }
        boolean nameFinds = filters.itemNames().isEmpty();
        for (String name : filters.itemNames()) {
            if (scan.items().stream().noneMatch(i -> i.displayName().equals(name))) {
                notes.add(new Check.Note(Severity.WARNING, "Item name '" + name
                        + "' not found in the repository directory"));
            } else {
                nameFinds = true;
            }
        }
        boolean pathFinds = true;
        if (paths.isPresent()) {
            FilePathFilter.Selection selection = paths.get();
            selection.findings().forEach(f -> notes.add(new Check.Note(f.severity(), f.message())));
            String list = VariableResolver.pyList(selection.values());
            if (selection.files().isEmpty()) {
                pathFinds = false;
                notes.add(new Check.Note(Severity.WARNING, "No valid file path found in the repository directory for "
                        + list));
            } else if (selection.invalidCount() > 0) {
                notes.add(new Check.Note(Severity.WARNING, "Number of paths in list '" + list
                        + "' that are invalid or not found in the repository directory: " + selection.invalidCount()));
            }
        }
        return new Check(notes, !(typeFinds && nameFinds && pathFinds));
    }

    /**
     * The outcome of checking the filters against the repository. Immutable.
     *
     * @param notes     messages about single values
     * @param unmatched whether one filter finds nothing at all, so the entry replaces nothing
     */
    record Check(List<Note> notes, boolean unmatched) {

        record Note(Severity severity, String message) {
        }
    }
}
