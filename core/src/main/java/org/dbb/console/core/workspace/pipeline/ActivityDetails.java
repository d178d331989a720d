package org.dbb.console.core.workspace.pipeline;

import java.util.List;

/**
 * What is specific to an activity's type, read from its {@code typeProperties}; one record per type the console
 * models and {@link GenericDetails} for the rest. Immutable.
 */
public sealed interface ActivityDetails permits ExecutePipelineDetails, InvokePipelineDetails, NotebookDetails,
        LookupDetails, SetVariableDetails, WaitDetails, CopyDetails, ForEachDetails, IfConditionDetails,
        SwitchDetails, UntilDetails, GenericDetails {

    /** The activities this one contains, in file order across its branches; empty unless it is a container. */
    default List<Activity> childActivities() {
        return List.of();
    }
}
