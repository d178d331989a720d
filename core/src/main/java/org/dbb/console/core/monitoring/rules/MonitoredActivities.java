package org.dbb.console.core.monitoring.rules;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.DynamicValue;
import org.dbb.console.core.workspace.pipeline.ExecutePipelineDetails;
import org.dbb.console.core.workspace.pipeline.InvokePipelineDetails;
import org.dbb.console.core.workspace.pipeline.NestedActivity;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.pipeline.PipelineReader;
import org.dbb.console.core.workspace.stages.Stage;
import org.dbb.console.core.workspace.stages.StageLayout;

/**
 * What the monitoring table can hold rows of, stage by stage: the master pipeline's top-level activities (their
 * attempts) and the Copy activities of the pipelines they run as Fabric jobs (one row per Copy activity run, with
 * its row counts). Monitoring rules may name only these. Immutable.
 *
 * @param stages the stages in run order
 */
public record MonitoredActivities(List<StageActivities> stages) {

    public MonitoredActivities {
        stages = List.copyOf(stages);
    }

    /**
     * Reads the pipelines {@code layout}'s stages run from {@code workspace}: Execute and Invoke Pipeline activities
     * (at any depth under a top-level activity) that name a pipeline of the repository. A top-level activity that
     * runs a pipeline the console cannot find or read (an expression, a broken reference, bad JSON, reported by
     * {@code dbb validate} on its own) is remembered as unread: its Copy activities are unknown.
     */
    public static MonitoredActivities read(Workspace workspace, StageLayout layout, PipelineReader pipelines) {
        List<StageActivities> stages = new ArrayList<>();
        for (Stage stage : layout.stages()) {
            List<String> topLevel = stage.activities().stream().map(Activity::name).toList();
            Map<String, CopyActivity> copies = new LinkedHashMap<>();
            List<String> unread = new ArrayList<>();
            for (Activity activity : stage.activities()) {
                List<Optional<Item>> children = childPipelines(workspace, activity);
                for (Optional<Item> child : children) {
                    Optional<Pipeline> pipeline = child.flatMap(item -> read(pipelines, item));
                    if (pipeline.isEmpty()) {
                        if (!unread.contains(activity.name())) {
                            unread.add(activity.name());
                        }
                        continue;
                    }
                    pipeline.get().allActivities().stream().map(NestedActivity::activity)
                            .filter(a -> a.type().equals("Copy"))
                            .forEach(copy -> copies.putIfAbsent(copy.name(),
                                    new CopyActivity(copy.name(), activity.name(), child.get().displayName())));
                }
            }
            stages.add(new StageActivities(stage.name(), topLevel, List.copyOf(copies.values()), unread));
        }
        return new MonitoredActivities(stages);
    }

    /** The stage called {@code name}, exactly as written. */
    public Optional<StageActivities> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The stage names, in run order. */
    public List<String> stageNames() {
        return stages.stream().map(StageActivities::name).toList();
    }

    /** Every stage holding a Copy activity called {@code name}. */
    public List<StageActivities> stagesCopying(String name) {
        return stages.stream().filter(s -> s.copy(name).isPresent()).toList();
    }

    /** The pipelines {@code top} runs: each one found in the repository, or empty when it cannot be told. */
    private static List<Optional<Item>> childPipelines(Workspace workspace, Activity top) {
        List<Optional<Item>> children = new ArrayList<>();
        List<Activity> walk = new ArrayList<>(List.of(top));
        for (int i = 0; i < walk.size(); i++) {
            Activity a = walk.get(i);
            walk.addAll(a.children());
            if (!a.type().equals("ExecutePipeline") && !a.type().equals("InvokePipeline")) {
                continue;
            }
            Optional<String> reference = a.type().equals("ExecutePipeline")
                    ? a.details(ExecutePipelineDetails.class).map(ExecutePipelineDetails::pipelineReferenceName)
                    : a.details(InvokePipelineDetails.class).flatMap(d -> d.pipelineId().literalText());
            boolean otherWorkspace = a.details(InvokePipelineDetails.class)
                    .flatMap(d -> d.workspaceId().flatMap(DynamicValue::literalText))
                    .map(w -> !w.isBlank() && !w.equals(Item.ZERO_GUID)).orElse(false);
            // a pipeline of another workspace is not in this repository: its activities are unknown here
            Optional<Item> child = otherWorkspace ? Optional.empty() : reference.map(String::strip)
                    .flatMap(ref -> workspace.items().byLogicalId(ref).or(() -> workspace.pipeline(ref)))
                    .filter(item -> item.is("DataPipeline"));
            if (!children.contains(child)) {
                children.add(child);
            }
        }
        return children;
    }

    private static Optional<Pipeline> read(PipelineReader pipelines, Item item) {
        try {
            return Optional.of(pipelines.read(item.folder().resolve("pipeline-content.json"), item.displayName()));
        } catch (InvalidInputException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * One stage: its top-level activities and the Copy activities of the pipelines it runs. Immutable.
     *
     * @param name     the stage name
     * @param topLevel its top-level activities, in run order
     * @param copies   the Copy activities of the pipelines it runs, in file order
     * @param unread   top-level activities running a pipeline the console could not find or read, whose Copy
     *                 activities are therefore unknown
     */
    public record StageActivities(String name, List<String> topLevel, List<CopyActivity> copies,
                                  List<String> unread) {

        public StageActivities {
            Objects.requireNonNull(name, "name");
            topLevel = List.copyOf(topLevel);
            copies = List.copyOf(copies);
            unread = List.copyOf(unread);
        }

        public Optional<CopyActivity> copy(String activity) {
            return copies.stream().filter(c -> c.name().equals(activity)).findFirst();
        }

        /** The top-level activity whose rows stand for {@code activity}: itself, or the one running its copy. */
        public Optional<String> ownerOf(String activity) {
            if (topLevel.contains(activity)) {
                return Optional.of(activity);
            }
            return copy(activity).map(CopyActivity::runBy);
        }

        /** Every name a rule may expect in this stage: the top-level activities, then the Copy activities. */
        public List<String> names() {
            List<String> names = new ArrayList<>(topLevel);
            copies.stream().map(CopyActivity::name).filter(n -> !names.contains(n)).forEach(names::add);
            return Collections.unmodifiableList(names);
        }

        /** The top-level activity a stage-wide finding is shown on: the one that ends the stage. */
        public String lastActivity() {
            return topLevel.get(topLevel.size() - 1);
        }
    }

    /**
     * A Copy activity of a pipeline a stage runs. Immutable.
     *
     * @param name     its name in that pipeline
     * @param runBy    the master pipeline's top-level activity that runs the pipeline
     * @param pipeline the pipeline's display name
     */
    public record CopyActivity(String name, String runBy, String pipeline) {

        public CopyActivity {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(runBy, "runBy");
            Objects.requireNonNull(pipeline, "pipeline");
        }
    }
}
