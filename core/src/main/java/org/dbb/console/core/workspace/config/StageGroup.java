package org.dbb.console.core.workspace.config;

import java.util.List;

/**
 * A named stage made of top-level activities of the master pipeline. Immutable.
 *
 * @param name       the stage name shown to operators
 * @param activities the top-level activity names it groups
 * @param line       1-based line of the stage in {@code dbb-console.yml} (0 when not read from a file)
 * @param column     1-based column of the stage in {@code dbb-console.yml} (0 when not read from a file)
 */
public record StageGroup(String name, List<String> activities, int line, int column) {

    public StageGroup {
        activities = List.copyOf(activities);
    }
}
