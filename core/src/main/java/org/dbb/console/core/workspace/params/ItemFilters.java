package org.dbb.console.core.workspace.params;

import java.util.List;

/**
 * The optional {@code item_type}, {@code item_name} and {@code file_path} filters of an entry. The three are
 * combined with AND, the values inside one list with OR; an empty list means "no filter". Immutable.
 *
 * @param itemTypes item types, e.g. {@code Notebook}
 * @param itemNames item display names (exact)
 * @param filePaths paths or globs relative to the repository directory
 */
public record ItemFilters(List<String> itemTypes, List<String> itemNames, List<String> filePaths) {

    public static final ItemFilters NONE = new ItemFilters(List.of(), List.of(), List.of());

    public ItemFilters {
        itemTypes = List.copyOf(itemTypes);
        itemNames = List.copyOf(itemNames);
        filePaths = List.copyOf(filePaths);
    }

    public boolean isEmpty() {
        return itemTypes.isEmpty() && itemNames.isEmpty() && filePaths.isEmpty();
    }
}
