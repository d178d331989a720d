package org.dbb.console.core.workspace.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code ExecutePipeline} activity (the legacy form, still in most exported pipelines): runs another pipeline of
 * the same workspace. Immutable.
 *
 * @param pipelineReferenceName {@code pipeline.referenceName}: the child pipeline's id (a logicalId in Git)
 * @param waitOnCompletion      whether the parent waits for the child (absent means false)
 * @param parameters            values passed to the child's parameters, in file order
 */
public record ExecutePipelineDetails(String pipelineReferenceName, boolean waitOnCompletion,
                                     Map<String, DynamicValue> parameters) implements ActivityDetails {

    public ExecutePipelineDetails {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
