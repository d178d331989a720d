package org.dbb.console.core.workspace.params;

import java.util.List;

/**
 * The connections one or more semantic models are bound to after publishing. Immutable.
 *
 * @param semanticModelNames the models this binding names
 * @param connectionIds      environment to connection GUIDs (a single GUID is a one-element list)
 * @param position           where the binding starts
 */
public record ModelBinding(List<String> semanticModelNames, EnvironmentValues<List<String>> connectionIds,
                           SourcePosition position) {

    public ModelBinding {
        semanticModelNames = List.copyOf(semanticModelNames);
    }
}
