package org.dbb.console.core.workspace.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code TridentNotebook} activity: runs a Fabric notebook. Immutable.
 *
 * @param notebookId  the notebook (a logicalId in Git when it lives in the same repository)
 * @param workspaceId its workspace; all zeros in Git means "this workspace"
 * @param parameters  notebook parameters, in file order
 * @param sessionTag  notebooks with the same tag share a Spark session, if set
 */
public record NotebookDetails(DynamicValue notebookId, Optional<DynamicValue> workspaceId,
                              Map<String, NotebookParameter> parameters, Optional<String> sessionTag)
        implements ActivityDetails {

    public NotebookDetails {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
