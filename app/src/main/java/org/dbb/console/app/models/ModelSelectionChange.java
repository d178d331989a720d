package org.dbb.console.app.models;

import java.util.List;

/**
 * The semantic models a launch refreshes, before and after the operator changed them. Immutable.
 *
 * @param before the models the previous launch refreshed; empty means every model
 * @param after  the models this launch refreshes; empty means every model
 */
public record ModelSelectionChange(List<String> before, List<String> after) {

    public ModelSelectionChange {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** A selection as the audit trail and the page show it: the names, or {@code every model}. */
    public static String describe(List<String> models) {
        return models.isEmpty() ? "every model" : String.join(", ", models);
    }
}
