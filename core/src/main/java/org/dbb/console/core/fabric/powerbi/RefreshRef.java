package org.dbb.console.core.fabric.powerbi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A refresh Power BI accepted: enough to poll or cancel it. Immutable.
 *
 * @param groupId    the workspace (group) id
 * @param datasetId  the semantic model (dataset) id
 * @param refreshId  the refresh id
 * @param retryAfter how long Power BI asked to wait before polling, if it said
 */
public record RefreshRef(String groupId, String datasetId, String refreshId, Optional<Duration> retryAfter) {

    public RefreshRef {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(refreshId, "refreshId");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }
}
