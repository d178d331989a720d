package org.dbb.console.core.workspace.params.regex;

import java.util.List;

import org.dbb.console.core.problem.Severity;

/**
 * What a find value matches in the repository's item files. Immutable.
 *
 * @param runnable      whether the pattern could be run at all (false for a pattern Python refuses)
 * @param groups        the pattern's capturing groups (0 for a literal)
 * @param messages      what the operator should know, most important first
 * @param files         every file the filters select, files with matches first, each group in repository order
 * @param totalMatches  all matches in all files
 */
public record TrialResult(boolean runnable, int groups, List<Message> messages, List<TrialFile> files,
                          int totalMatches) {

    public TrialResult {
        messages = List.copyOf(messages);
        files = List.copyOf(files);
    }

    /** How many of the files have at least one match. */
    public long filesWithMatches() {
        return files.stream().filter(f -> f.matchCount() > 0).count();
    }

    /**
     * One thing to tell the operator. Immutable.
     *
     * @param severity an error means fabric-cicd refuses the entry or stops the deployment; a warning that it
     *                 does nothing or something unintended
     * @param text     the sentence
     */
    public record Message(Severity severity, String text) {
    }
}
