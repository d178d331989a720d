package org.dbb.console.core.workspace.pipeline;

import java.util.Optional;

/**
 * One notebook parameter, written {@code {"value": …, "type": "int"}}. Immutable.
 *
 * @param value the value or expression
 * @param type  the notebook-side type ({@code string}, {@code int}, {@code float}, {@code bool}), if written
 */
public record NotebookParameter(DynamicValue value, Optional<String> type) {
}
