package org.dbb.console.core.workspace.pipeline;

import java.util.Objects;

/**
 * One activity's wanted retry policy inside a batch of changes to one pipeline file. Immutable.
 *
 * @param activityName the activity, found by name at any depth
 * @param update       the values to set; empty values stay as they are
 */
public record ActivityPolicyChange(String activityName, RetryPolicyUpdate update) {

    public ActivityPolicyChange {
        Objects.requireNonNull(activityName, "activityName");
        Objects.requireNonNull(update, "update");
    }
}
