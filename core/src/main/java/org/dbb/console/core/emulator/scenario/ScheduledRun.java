package org.dbb.console.core.emulator.scenario;

import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A pipeline run the pipeline's Fabric schedule starts, not the API: it is listed with {@code invokeType:
 * Scheduled}. Immutable; the parameters are handed out as a copy.
 *
 * @param pipeline          the display name of the pipeline it runs
 * @param startAfterSeconds when it starts, counted in scenario seconds from the emulator's start
 * @param parameters        the pipeline parameters the schedule passes; the pipeline's defaults fill the rest
 */
public record ScheduledRun(String pipeline, double startAfterSeconds, ObjectNode parameters) {

    public ScheduledRun {
        Objects.requireNonNull(pipeline, "pipeline");
        if (!(startAfterSeconds >= 0) || Double.isInfinite(startAfterSeconds)) {
            throw new IllegalArgumentException("startAfterSeconds must be 0 or more, was " + startAfterSeconds);
        }
        parameters = Objects.requireNonNull(parameters, "parameters").deepCopy();
    }

    @Override
    public ObjectNode parameters() {
        return parameters.deepCopy();
    }
}
