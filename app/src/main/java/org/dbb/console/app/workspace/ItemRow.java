package org.dbb.console.app.workspace;

/**
 * One Fabric item as the workspace tree shows it. Immutable.
 *
 * @param type         the item type
 * @param displayName  the item's display name
 * @param relativePath the item folder relative to the repository directory
 */
public record ItemRow(String type, String displayName, String relativePath) {
}
