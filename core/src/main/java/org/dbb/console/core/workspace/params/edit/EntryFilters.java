package org.dbb.console.core.workspace.params.edit;

import java.util.List;
import java.util.Objects;

/**
 * The optional file filters of a new entry; an empty list leaves the filter out. Immutable.
 *
 * <p>A single value is written as a string, several as a list.
 */
public record EntryFilters(List<String> itemType, List<String> itemName, List<String> filePath) {

    private static final EntryFilters NONE = new EntryFilters(List.of(), List.of(), List.of());

    public EntryFilters {
        itemType = List.copyOf(Objects.requireNonNull(itemType, "itemType"));
        itemName = List.copyOf(Objects.requireNonNull(itemName, "itemName"));
        filePath = List.copyOf(Objects.requireNonNull(filePath, "filePath"));
    }

    /** No filter: the entry applies to every file fabric-cicd processes. */
    public static EntryFilters none() {
        return NONE;
    }
}
