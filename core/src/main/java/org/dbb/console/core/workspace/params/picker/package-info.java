/**
 * Helpers for writing parameter.yml entries by pointing rather than typing: the JSON definition files of an item
 * shown as a tree whose nodes carry the {@code find_key} that selects them, how many nodes a {@code find_key}
 * matches, the warnings fabric-cicd would only act on silently at publish (a whole object replaced, a value of
 * another JSON type), and completions of the dynamic {@code $items}/{@code $workspace} variables from the
 * workspace's items.
 */
package org.dbb.console.core.workspace.params.picker;
