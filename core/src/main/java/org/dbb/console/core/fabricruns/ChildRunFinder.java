package org.dbb.console.core.fabricruns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.fabric.FabricClient;
import org.dbb.console.core.fabric.Item;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabric.jobs.ActivityRunQuery;
import org.dbb.console.core.fabric.jobs.JobInstance;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.DynamicValue;
import org.dbb.console.core.workspace.pipeline.ExecutePipelineDetails;
import org.dbb.console.core.workspace.pipeline.InvokePipelineDetails;
import org.dbb.console.core.workspace.stages.StageLayout;

/**
 * Finds the pipeline run an Execute/Invoke Pipeline activity started and reads its activity runs. Azure Data
 * Factory puts the child's run id in the activity output; Fabric does not promise to, so without it the child is
 * the child pipeline's job instance that started while the activity ran. One per detail read; not thread-safe.
 */
final class ChildRunFinder {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String ZERO_GUID = "00000000-0000-0000-0000-000000000000";

    private final FabricClient client;
    private final String workspaceId;
    private final StageLayout layout;
    private final Instant now;
    private final Map<String, List<Item>> pipelines = new HashMap<>();

    ChildRunFinder(FabricClient client, String workspaceId, StageLayout layout, Instant now) {
        this.client = client;
        this.workspaceId = workspaceId;
        this.layout = layout;
        this.now = now;
    }

    Optional<FabricChildRun> find(FabricActivityDetail activity) {
        if (!activity.startsPipeline() || activity.start().isEmpty()) {
            return Optional.empty();
        }
        JsonNode input = RunJson.parse(activity.inputJson());
        JsonNode output = RunJson.parse(activity.outputJson());
        String childWorkspace = RunJson.text(input.path("workspaceId")).filter(ChildRunFinder::isGuid)
                .filter(w -> !w.equals(ZERO_GUID)).orElse(workspaceId);
        Optional<String> name = RunJson.text(output.path("pipelineName"));
        Optional<String> runId = RunJson.text(output.path("pipelineRunId"));
        try {
            if (runId.isPresent()) {
                Optional<String> pipelineId = evaluatedReferences(input).stream().findFirst();
                return Optional.of(new FabricChildRun(runId.get(), pipelineId, name, false,
                        activities(childWorkspace, runId.get(), activity.start().get())));
            }
            return byTimeWindow(activity, input, childWorkspace, name);
        } catch (FabricApiException e) {
            if (e.status() == 404) {
                // The child's pipeline or run is gone (deleted, or beyond Fabric's history): show the parent alone.
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<FabricChildRun> byTimeWindow(FabricActivityDetail activity, JsonNode input, String childWorkspace,
            Optional<String> name) {
        Optional<Item> pipeline = pipeline(childWorkspace, references(activity, input), name);
        if (pipeline.isEmpty()) {
            return Optional.empty();
        }
        Instant from = activity.start().get();
        Instant to = activity.end().orElse(now);
        Optional<JobInstance> child = client.listJobInstances(childWorkspace, pipeline.get().id()).stream()
                .filter(j -> j.startTime().map(t -> !t.isBefore(from) && !t.isAfter(to)).orElse(false))
                .min(Comparator.comparing(j -> j.startTime().orElseThrow()));
        return child.map(j -> new FabricChildRun(j.id(), Optional.of(pipeline.get().id()),
                Optional.of(pipeline.get().displayName()), true, activities(childWorkspace, j.id(), from)));
    }

    private List<FabricActivityDetail> activities(String childWorkspace, String runId, Instant parentStart) {
        return ActivityGroups.of(client.queryActivityRuns(childWorkspace, runId,
                ActivityRunQuery.forRunStartedAt(parentStart, now))).details(now);
    }

    /**
     * The ids the child pipeline may go by: the one Fabric evaluated into the activity input, then the one the
     * repository's pipeline JSON names (which in Git may be a logicalId that only the repository knows).
     */
    private List<String> references(FabricActivityDetail activity, JsonNode input) {
        List<String> out = new ArrayList<>(evaluatedReferences(input));
        layout.stages().stream().flatMap(s -> s.activities().stream())
                .filter(a -> a.name().equals(activity.activityName())).findFirst()
                .flatMap(ChildRunFinder::reference).ifPresent(out::add);
        return out.stream().filter(ChildRunFinder::isGuid).distinct().toList();
    }

    private static List<String> evaluatedReferences(JsonNode input) {
        List<String> out = new ArrayList<>();
        RunJson.text(input.path("pipelineId")).ifPresent(out::add);
        RunJson.text(input.path("pipeline").path("referenceName")).ifPresent(out::add);
        return out.stream().filter(ChildRunFinder::isGuid).toList();
    }

    private static Optional<String> reference(Activity activity) {
        return activity.details(ExecutePipelineDetails.class).map(ExecutePipelineDetails::pipelineReferenceName)
                .or(() -> activity.details(InvokePipelineDetails.class).map(InvokePipelineDetails::pipelineId)
                        .flatMap(DynamicValue::literalText));
    }

    private Optional<Item> pipeline(String childWorkspace, List<String> ids, Optional<String> name) {
        List<Item> items = pipelines.computeIfAbsent(childWorkspace, w -> client.listItems(w, "DataPipeline"));
        for (String id : ids) {
            Optional<Item> byId = items.stream().filter(i -> i.id().equalsIgnoreCase(id)).findFirst();
            if (byId.isPresent()) {
                return byId;
            }
        }
        return name.flatMap(n -> items.stream().filter(i -> i.displayName().equals(n)).findFirst());
    }

    private static boolean isGuid(String text) {
        return GUID.matcher(text).matches();
    }
}
