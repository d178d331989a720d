package org.dbb.console.core.workspace.params;

/**
 * The custom Spark pool an environment uses instead of the one in {@code Sparkcompute.yml}. Immutable.
 *
 * @param type {@code Capacity} or {@code Workspace}
 * @param name the pool's name in the target workspace or capacity
 */
public record SparkPoolTarget(String type, String name) {
}
