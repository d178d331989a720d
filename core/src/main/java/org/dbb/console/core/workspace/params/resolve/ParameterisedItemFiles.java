package org.dbb.console.core.workspace.params.resolve;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.params.ItemFilters;

/**
 * The item files {@link ParameterResolver} works on, for tools that look at them without replacing anything (GUID
 * coverage, the find-value tester): the same enumeration, the same reading and the same filter matching, so what
 * those tools show is what a deployment would see. Thread-safe.
 */
public final class ParameterisedItemFiles {

    private final ResolverOptions options;

    public ParameterisedItemFiles(ResolverOptions options) {
        this.options = options;
    }

    /**
     * One file fabric-cicd parameterises when it publishes its item. Immutable.
     *
     * @param item         the item the file belongs to (the innermost one when items nest)
     * @param file         the file (absolute)
     * @param relativePath the path relative to the repository directory, with {@code /} separators
     */
    public record ItemFile(Item item, Path file, String relativePath) {
    }

    /** Every file in scope, item by item in repository order, each item's files in path order. */
    public List<ItemFile> list(ItemScan scan) {
        return new ParameterisedFiles(options).list(scan).stream()
                .map(f -> new ItemFile(f.item(), f.file(), relative(scan, f.file())))
                .toList();
    }

    /** The files in scope that an entry with {@code filters} applies to, as fabric-cicd's filter check decides. */
    public List<ItemFile> selectedBy(ItemFilters filters, ItemScan scan) {
        EntryFilters compiled = EntryFilters.compile(filters, new FilePathFilter(scan.root()));
        return new ParameterisedFiles(options).list(scan).stream()
                .filter(compiled::matches)
                .map(f -> new ItemFile(f.item(), f.file(), relative(scan, f.file())))
                .toList();
    }

    /**
     * The text fabric-cicd works on (UTF-8, line endings turned into {@code \n}); empty for a binary file or one
     * that cannot be read as text.
     */
    public static Optional<String> text(Path file) {
        return ParameterisedFiles.read(file).text();
    }

    private static String relative(ItemScan scan, Path file) {
        return scan.root().relativize(file).toString().replace('\\', '/');
    }
}
