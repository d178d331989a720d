package org.dbb.console.app.models;

import java.util.Optional;

/**
 * What a refresh concurrency cap means for the capacity, in plain sentences that follow the value: how many
 * refreshes run at once, that a higher cap finishes sooner but raises peak capacity use and the chance of
 * throttling, and the Power BI limits that apply (docs/fabric-api.md §5). Stateless.
 */
final class CapacityExplanation {

    private CapacityExplanation() {
    }

    /**
     * @param cap        the cap
     * @param selected   how many models the refresh would run
     * @param capacityId the environment's capacity, when Fabric said
     */
    static String of(int cap, int selected, Optional<String> capacityId) {
        String capacity = capacityId.map(id -> "capacity " + id).orElse("the workspace's capacity");
        StringBuilder text = new StringBuilder();
        if (cap == 1) {
            text.append("1 refresh at a time: the models refresh one after another, so the stage takes about the sum"
                    + " of their refresh times, and only one refresh uses ").append(capacity)
                    .append("'s memory and CPU at any moment — as Fabric runs the refresh pipeline itself"
                            + " (isSequential).");
        } else {
            text.append(cap).append(" refreshes at once: each running refresh holds its model in ").append(capacity)
                    .append("'s memory and uses its CPU until it ends, so up to ").append(cap)
                    .append(" models compete for it at the same time. A higher cap finishes the stage sooner but"
                            + " raises peak capacity use and the chance of throttling: Power BI throttles refreshes"
                            + " on an overloaded capacity and fails one throttled for more than an hour, and a model"
                            + " evicted from memory mid-refresh fails (0xC11C0020).");
        }
        if (selected > 0 && cap >= selected && cap > 1) {
            text.append(" With ").append(selected).append(selected == 1 ? " model" : " models")
                    .append(" selected, all start together; a higher cap changes nothing.");
        }
        text.append(" Power BI runs one refresh per model at a time, so a model already refreshing (its schedule, the"
                + " portal) is waited for, not refreshed twice. Shared (non-Premium) capacity allows 8 refreshes a"
                + " day and no enhanced refresh; on Fabric or Premium capacity only its resources limit them.");
        return text.toString();
    }
}
