package org.dbb.console.core.workspace.pipeline;

/**
 * A {@code Wait} activity: pauses the pipeline. Immutable.
 *
 * @param waitTimeInSeconds how long, as a number or an expression
 */
public record WaitDetails(DynamicValue waitTimeInSeconds) implements ActivityDetails {
}
