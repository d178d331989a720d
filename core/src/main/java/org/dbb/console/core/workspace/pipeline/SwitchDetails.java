package org.dbb.console.core.workspace.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code Switch} activity: runs the case whose value equals an expression's result, else the default. Immutable.
 *
 * @param on                the expression whose result selects a case
 * @param cases             the cases in file order
 * @param defaultActivities run when no case matches
 */
public record SwitchDetails(DynamicValue on, List<SwitchCase> cases, List<Activity> defaultActivities)
        implements ActivityDetails {

    public SwitchDetails {
        cases = List.copyOf(cases);
        defaultActivities = List.copyOf(defaultActivities);
    }

    @Override
    public List<Activity> childActivities() {
        List<Activity> all = new ArrayList<>();
        cases.forEach(c -> all.addAll(c.activities()));
        all.addAll(defaultActivities);
        return List.copyOf(all);
    }
}
