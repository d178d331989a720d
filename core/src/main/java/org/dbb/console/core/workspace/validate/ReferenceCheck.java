package org.dbb.console.core.workspace.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.ItemScan;
import org.dbb.console.core.workspace.json.ConcretePath;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.DynamicValue;
import org.dbb.console.core.workspace.pipeline.ExecutePipelineDetails;
import org.dbb.console.core.workspace.pipeline.InvokePipelineDetails;
import org.dbb.console.core.workspace.pipeline.NestedActivity;
import org.dbb.console.core.workspace.pipeline.NotebookDetails;
import org.dbb.console.core.workspace.pipeline.Pipeline;

/**
 * Checks that a pipeline's references to items of its own workspace (a logicalId with an all-zero or absent
 * workspace id, as Fabric Git writes them) point at an item of the right type in the repository. Stateless.
 */
final class ReferenceCheck {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    List<Problem> check(Pipeline pipeline, ItemScan items) {
        List<Problem> problems = new ArrayList<>();
        for (NestedActivity nested : pipeline.allActivities()) {
            Activity activity = nested.activity();
            activity.details(ExecutePipelineDetails.class).ifPresent(d -> referenceByName(pipeline, activity,
                    d.pipelineReferenceName(), items, problems));
            activity.details(InvokePipelineDetails.class).ifPresent(d -> reference(pipeline, activity,
                    d.pipelineId(), d.workspaceId(), "DataPipeline", "pipelineId", items, problems));
            activity.details(NotebookDetails.class).ifPresent(d -> reference(pipeline, activity, d.notebookId(),
                    d.workspaceId(), "Notebook", "notebookId", items, problems));
        }
        return problems;
    }

    private static void referenceByName(Pipeline pipeline, Activity activity, String referenceName, ItemScan items,
                                        List<Problem> problems) {
        if (!GUID.matcher(referenceName).matches()) {
            return;
        }
        check(pipeline, activity, referenceName, "DataPipeline", "pipeline.referenceName", items, problems);
    }

    private static void reference(Pipeline pipeline, Activity activity, DynamicValue id,
                                  Optional<DynamicValue> workspace, String type, String field, ItemScan items,
                                  List<Problem> problems) {
        if (!(id instanceof DynamicValue.Literal literal) || !literal.value().isTextual()) {
            return;
        }
        boolean sameWorkspace = workspace.isEmpty() || workspace.get() instanceof DynamicValue.Literal w
                && Item.ZERO_GUID.equals(w.value().asText());
        if (sameWorkspace) {
            check(pipeline, activity, literal.value().asText(), type, field, items, problems);
        }
    }

    private static void check(Pipeline pipeline, Activity activity, String logicalId, String type, String field,
                              ItemScan items, List<Problem> problems) {
        Optional<Item> target = items.byLogicalId(logicalId);
        ConcretePath at = activity.jsonPath();
        if (target.isEmpty()) {
            problems.add(Problem.errorAt(pipeline.file(), activity.position().line(), activity.position().column(),
                    at.toString(), "activity '" + activity.name() + "' refers to " + type + " " + logicalId + " ("
                            + field + "), but no item in the repository has that logicalId; export the referenced"
                            + " item too, or fix the id"));
        } else if (!target.get().is(type)) {
            problems.add(Problem.errorAt(pipeline.file(), activity.position().line(), activity.position().column(),
                    at.toString(), "activity '" + activity.name() + "' expects a " + type + " in " + field
                            + " but " + logicalId + " is " + target.get().label()));
        }
    }
}
