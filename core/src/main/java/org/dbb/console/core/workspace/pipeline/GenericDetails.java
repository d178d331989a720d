package org.dbb.console.core.workspace.pipeline;

/**
 * An activity of a type the console does not model (e.g. {@code Delete}, {@code WebActivity}); its
 * {@link Activity#typeProperties()} are kept as written. Immutable.
 *
 * @param type the activity's {@code type}
 */
public record GenericDetails(String type) implements ActivityDetails {
}
