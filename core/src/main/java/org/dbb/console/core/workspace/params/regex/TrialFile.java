package org.dbb.console.core.workspace.params.regex;

import java.util.List;

/**
 * One item file the trial's filters select, with its matches. Immutable.
 *
 * @param relativePath the file relative to the repository directory, with {@code /} separators
 * @param itemLabel    the item it belongs to, e.g. {@code Notebook 'nb_load'}
 * @param matchCount   how many matches the file has (all of them, also when {@code matches} is capped)
 * @param matches      the matches, at most {@link FindValueTester#MATCHES_SHOWN_PER_FILE}
 */
public record TrialFile(String relativePath, String itemLabel, int matchCount, List<TrialMatch> matches) {

    public TrialFile {
        matches = List.copyOf(matches);
    }
}
