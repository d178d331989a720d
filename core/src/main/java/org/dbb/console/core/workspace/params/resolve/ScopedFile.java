package org.dbb.console.core.workspace.params.resolve;

import java.nio.file.Path;

import org.dbb.console.core.workspace.Item;

/**
 * An item file fabric-cicd parameterises when it publishes the item. Immutable.
 *
 * @param item         the item the file belongs to (the innermost one when items nest)
 * @param file         the file (absolute)
 * @param relativePath the path relative to the item folder, with {@code /} separators
 * @param shortcuts    whether this is a Lakehouse {@code shortcuts.metadata.json} (processed in another order)
 */
record ScopedFile(Item item, Path file, String relativePath, boolean shortcuts) {
}
