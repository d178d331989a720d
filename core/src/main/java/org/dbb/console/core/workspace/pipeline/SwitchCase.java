package org.dbb.console.core.workspace.pipeline;

import java.util.List;

/**
 * One case of a {@code Switch}: the value that selects it and the activities it runs. Immutable.
 *
 * @param value      the matching value
 * @param activities the activities run for it
 */
public record SwitchCase(String value, List<Activity> activities) {

    public SwitchCase {
        activities = List.copyOf(activities);
    }
}
