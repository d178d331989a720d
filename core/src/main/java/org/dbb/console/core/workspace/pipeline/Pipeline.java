package org.dbb.console.core.workspace.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dbb.console.core.workspace.json.ConcretePath;

/**
 * A Fabric data pipeline read from its {@code pipeline-content.json}: parameters, variables and activities, each
 * activity knowing where it sits in the file. Immutable and thread-safe.
 *
 * @param name        the pipeline's name, given by whoever read it (usually the item's display name)
 * @param file        the file it was read from
 * @param root        where the pipeline object sits in the file: {@code $} for a pipeline-content.json
 * @param description {@code properties.description}, if any
 * @param parameters  declared parameters in file order
 * @param variables   declared variables in file order
 * @param activities  top-level activities in file order
 */
public record Pipeline(String name, Path file, ConcretePath root, Optional<String> description,
                       Map<String, PipelineParameter> parameters, Map<String, PipelineVariable> variables,
                       List<Activity> activities) {

    public Pipeline {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        activities = List.copyOf(activities);
    }

    /** Every activity at any depth, depth-first in file order (a container before its children). */
    public List<NestedActivity> allActivities() {
        List<NestedActivity> out = new ArrayList<>();
        collect(activities, Optional.empty(), 0, out);
        return List.copyOf(out);
    }

    /** Every activity at any depth called {@code name}; more than one means the file is ambiguous. */
    public List<Activity> findByName(String name) {
        return allActivities().stream().map(NestedActivity::activity).filter(a -> a.name().equals(name)).toList();
    }

    /** The top-level activity called {@code name}, if exactly one exists. */
    public Optional<Activity> topLevel(String name) {
        List<Activity> found = activities.stream().filter(a -> a.name().equals(name)).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The top-level activities ordered so that each comes after everything it depends on. */
    public DependencyOrder topLevelInDependencyOrder() {
        return DependencyOrder.of(file, activities);
    }

    private static void collect(List<Activity> level, Optional<Activity> parent, int depth, List<NestedActivity> out) {
        for (Activity activity : level) {
            out.add(new NestedActivity(activity, parent, depth));
            collect(activity.children(), Optional.of(activity), depth + 1, out);
        }
    }
}
