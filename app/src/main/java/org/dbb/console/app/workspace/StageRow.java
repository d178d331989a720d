package org.dbb.console.app.workspace;

import java.util.List;

/**
 * One stage of the master pipeline as the stage table shows it. Immutable.
 *
 * @param number     1-based run order
 * @param name       the stage name
 * @param activities its top-level activities
 */
public record StageRow(int number, String name, List<ActivityRow> activities) {

    public StageRow {
        activities = List.copyOf(activities);
    }
}
