package org.dbb.console.core.workspace.params.resolve;

/**
 * A YAML 1.1 timestamp scalar kept as written, so that re-serialising a YAML file neither shifts it into another
 * time zone nor changes its spelling. Immutable.
 *
 * @param text the scalar as it appeared in the file
 */
record YamlTimestamp(String text) {
}
