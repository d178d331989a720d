package org.dbb.console.core.fabric.powerbi;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a refresh request: started, or busy because the model is already refreshing. Busy is not a
 * failure: wait for the running refresh (find it in the history) and try again. Immutable.
 */
public sealed interface RefreshStart permits RefreshStart.Started, RefreshStart.Busy {

    /**
     * Power BI accepted the refresh.
     *
     * @param refresh the refresh to poll
     */
    record Started(RefreshRef refresh) implements RefreshStart {

        public Started {
            Objects.requireNonNull(refresh, "refresh");
        }
    }

    /**
     * Another refresh of the model is already executing; Power BI runs one at a time per model.
     *
     * @param groupId   the workspace (group) id
     * @param datasetId the semantic model (dataset) id
     * @param message   Power BI's message
     * @param requestId the request id of the refused request
     */
    record Busy(String groupId, String datasetId, String message, Optional<String> requestId) implements RefreshStart {

        public Busy {
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(datasetId, "datasetId");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(requestId, "requestId");
        }
    }
}
