package org.dbb.console.core.workspace.stages;

import java.util.List;

import org.dbb.console.core.workspace.pipeline.Activity;

/**
 * One stage of the master pipeline as operators see it: a name and the top-level activities it runs, in
 * dependency order. Immutable.
 *
 * @param number     1-based position in run order
 * @param name       the stage name
 * @param activities its top-level activities
 */
public record Stage(int number, String name, List<Activity> activities) {

    public Stage {
        activities = List.copyOf(activities);
    }
}
