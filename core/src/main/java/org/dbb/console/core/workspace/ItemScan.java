package org.dbb.console.core.workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.dbb.console.core.problem.Problem;

/**
 * The items found under a repository directory and the problems met while reading their {@code .platform} files.
 * Immutable.
 *
 * @param root     the repository directory that was scanned (absolute)
 * @param items    the items, ordered by folder path
 * @param problems problems with {@code .platform} files; items with errors are left out of {@code items}
 */
public record ItemScan(Path root, List<Item> items, List<Problem> problems) {

    public ItemScan {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    /** The item of that type and display name (exact match, as fabric-cicd compares). */
    public Optional<Item> find(String type, String displayName) {
        return items.stream().filter(i -> i.is(type) && i.displayName().equals(displayName)).findFirst();
    }

    /** The item with that logicalId. */
    public Optional<Item> byLogicalId(String logicalId) {
        return items.stream().filter(i -> i.logicalId().equalsIgnoreCase(logicalId)).findFirst();
    }

    /** Every item of one type. */
    public List<Item> ofType(String type) {
        return items.stream().filter(i -> i.is(type)).toList();
    }

    /** The item whose folder contains {@code file}, the innermost one when items nest. */
    public Optional<Item> owning(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Item best = null;
        for (Item item : items) {
            if (abs.startsWith(item.folder())
                    && (best == null || item.folder().getNameCount() > best.folder().getNameCount())) {
                best = item;
            }
        }
        return Optional.ofNullable(best);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
