package org.dbb.console.core.workspace.config;

import java.util.List;

/**
 * A named stage made of top-level activities of the master pipeline. Immutable.
 *
 * @param name       the stage name shown to operators
 * @param activities the top-level activity names it groups
 */
public record StageGroup(String name, List<String> activities) {

    public StageGroup {
        activities = List.copyOf(activities);
    }
}
