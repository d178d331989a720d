package org.dbb.console.core.workspace.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code InvokePipeline} activity (Fabric's newer form): runs a pipeline, possibly in another workspace,
 * through a connection. Immutable.
 *
 * @param pipelineId       the pipeline to run
 * @param workspaceId      the workspace holding it
 * @param operationType    e.g. {@code InvokeFabricPipeline}
 * @param waitOnCompletion whether the parent waits for the child (absent means false)
 * @param parameters       values passed to the child's parameters; empty when the file has {@code null}
 * @param connection       {@code externalReferences.connection} of the activity, if any
 */
public record InvokePipelineDetails(DynamicValue pipelineId, Optional<DynamicValue> workspaceId,
                                    Optional<String> operationType, boolean waitOnCompletion,
                                    Map<String, DynamicValue> parameters, Optional<String> connection)
        implements ActivityDetails {

    public InvokePipelineDetails {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
