package org.dbb.console.core.workspace.pipeline;

import java.util.Optional;

/**
 * A {@code SetVariable} activity: assigns a pipeline variable. Immutable.
 *
 * @param variableName the variable
 * @param value        the value or expression, if written
 */
public record SetVariableDetails(String variableName, Optional<DynamicValue> value) implements ActivityDetails {
}
