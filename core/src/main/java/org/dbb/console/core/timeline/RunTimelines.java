package org.dbb.console.core.timeline;

import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.fabricruns.FabricRunDetail;

/**
 * Timelines of runs that are not followed live: a past console run from its journal record, and a run Fabric
 * started from its activity runs. Stateless; thread-safe (each call builds a new timeline).
 */
public final class RunTimelines {

    /** The note on a console run that never reached its end. */
    public static final String INTERRUPTED_NOTE = "The console stopped before this run ended; it is shown as last"
            + " recorded.";

    private RunTimelines() {
    }

    /** A past console run as its journal record has it, without estimates. */
    public static RunTimeline fromRecord(RunRecord record) {
        return fromRecord(record, TimelineEstimates.NONE);
    }

    /**
     * A past console run as its journal record has it: stage states, every recorded step with its attempts (refresh
     * ids and errors included), nested rows rebuilt from their step keys. A run the console stopped in the middle of
     * shows the state it was last recorded in. Types the record does not name are told from a step's output where
     * it gives them away, else {@code ""}. The record keeps no wait spans, and steps the console runs itself
     * (lookups, variables) were recorded at their end only, so their attempts show as instants; a condition's or a
     * fan-out's attempt spans the attempts under it.
     */
    public static RunTimeline fromRecord(RunRecord record, TimelineEstimates estimates) {
        Objects.requireNonNull(record, "record");
        TimelineModel model = new TimelineModel(record.runId(), record.environment(), RowTypes.UNKNOWN);
        RecordReplay.apply(record, model);
        if (record.endedAt().isEmpty() && !record.state().isTerminal()) {
            model.notes.add(INTERRUPTED_NOTE);
        }
        model.estimates(estimates);
        return model.timeline();
    }

    /** A run Fabric started, without estimates. */
    public static RunTimeline fromFabric(FabricRunDetail detail, String environment, Optional<String> workspaceId) {
        return fromFabric(detail, environment, workspaceId, TimelineEstimates.NONE);
    }

    /**
     * A run Fabric started (its schedule, the portal, the API), read through {@code FabricRunHistory}: one lane per
     * stage, each activity a row as its latest attempt stands, the activities of a child pipeline run one level
     * down, and the activities Fabric reports no run of as PENDING (SKIPPED once the run ended).
     *
     * @param workspaceId the environment's workspace, for portal links, when known
     */
    public static RunTimeline fromFabric(FabricRunDetail detail, String environment, Optional<String> workspaceId,
            TimelineEstimates estimates) {
        return new FabricTimeline(detail, environment, workspaceId, estimates).build();
    }
}
