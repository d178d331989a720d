package org.dbb.console.core.workspace.pipeline;

import java.util.Optional;

/**
 * An activity met while walking a pipeline, with the container it sits in. Immutable.
 *
 * @param activity the activity
 * @param parent   the containing ForEach/IfCondition/Switch/Until; empty for top-level activities
 * @param depth    0 for top-level activities, 1 inside one container, and so on
 */
public record NestedActivity(Activity activity, Optional<Activity> parent, int depth) {
}
