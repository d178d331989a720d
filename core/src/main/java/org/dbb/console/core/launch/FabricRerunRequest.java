package org.dbb.console.core.launch;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RerunMode;
import org.dbb.console.core.plan.RerunRequest;

/**
 * An operator's request to re-run part of a run Fabric started with the console's engine. Immutable.
 *
 * @param environment   the environment the Fabric run belongs to
 * @param jobInstanceId the Fabric run (job instance of the master pipeline)
 * @param mode          {@link RerunMode#STAGE_ONLY} or {@link RerunMode#FROM_STAGE}; {@link RerunMode#ONLY_FAILED}
 *                      is not offered for Fabric runs
 * @param stage         the stage to re-run (usually the one that failed)
 * @param overrides     parameter values that replace what the run used
 * @param refreshMode   how the semantic refresh stage runs, if it runs
 * @param operator      who asks (OS user or signed-in account)
 */
public record FabricRerunRequest(String environment, String jobInstanceId, RerunMode mode, String stage,
        Map<String, JsonNode> overrides, RefreshMode refreshMode, String operator) {

    public FabricRerunRequest {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(jobInstanceId, "jobInstanceId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(stage, "stage");
        overrides = Map.copyOf(overrides);
        Objects.requireNonNull(refreshMode, "refreshMode");
        Objects.requireNonNull(operator, "operator");
        if (mode == RerunMode.ONLY_FAILED) {
            throw new IllegalArgumentException(RerunRequest.ONLY_FAILED_NOT_FOR_FABRIC);
        }
    }
}
