package org.dbb.console.core.workspace.params;

import java.nio.file.Path;

/**
 * Where a value was written: file, 1-based line and column. Entries merged from {@code extend} templates point at
 * the template. Immutable.
 *
 * @param file   the file the value was read from
 * @param line   1-based line
 * @param column 1-based column
 */
public record SourcePosition(Path file, int line, int column) {
}
