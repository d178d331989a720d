package org.dbb.console.core.workspace.stages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.config.StageGroup;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.Dependency;
import org.dbb.console.core.workspace.pipeline.DependencyOrder;
import org.dbb.console.core.workspace.pipeline.Pipeline;

/**
 * Cuts a master pipeline into stages: by the groups of {@code dbb-console.yml} when it has them, otherwise one
 * stage per top-level activity in dependency order. Stateless and thread-safe.
 */
public final class StageLayouts {

    /**
     * The stages of {@code master}.
     *
     * @param groups       the stage groups from the settings (empty: one stage per activity)
     * @param settingsFile the settings file, for positioning problems with groups
     */
    public StageLayout layout(Pipeline master, List<StageGroup> groups, Path settingsFile) {
        DependencyOrder order = master.topLevelInDependencyOrder();
        List<Problem> problems = new ArrayList<>(order.problems());
        if (groups.isEmpty()) {
            List<Stage> stages = new ArrayList<>();
            for (Activity activity : order.activities()) {
                stages.add(new Stage(stages.size() + 1, activity.name(), List.of(activity)));
            }
            return new StageLayout(stages, problems);
        }
        Map<String, Activity> byName = new LinkedHashMap<>();
        order.activities().forEach(a -> byName.putIfAbsent(a.name(), a));
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.activities().size(); i++) {
            position.putIfAbsent(order.activities().get(i).name(), i);
        }
        Map<String, Integer> stageIndexOf = new HashMap<>();
        List<Stage> stages = new ArrayList<>();
        for (StageGroup group : groups) {
            List<Activity> activities = new ArrayList<>();
            for (String name : group.activities()) {
                Activity activity = byName.get(name);
                if (activity == null) {
                    problems.add(Problem.error(settingsFile, group.line(), group.column(), "stage '" + group.name()
                            + "' lists '" + name + "', which is not a top-level activity of " + master.name()
                            + "; top-level activities are: " + String.join(", ", byName.keySet())));
                    continue;
                }
                activities.add(activity);
                stageIndexOf.put(name, stages.size());
            }
            activities.sort((a, b) -> Integer.compare(position.get(a.name()), position.get(b.name())));
            stages.add(new Stage(stages.size() + 1, group.name(), activities));
        }
        List<String> unstaged = byName.keySet().stream().filter(n -> !stageIndexOf.containsKey(n)).toList();
        if (!unstaged.isEmpty()) {
            StageGroup last = groups.get(groups.size() - 1);
            problems.add(Problem.error(settingsFile, last.line(), last.column(), "top-level activit"
                    + (unstaged.size() == 1 ? "y " : "ies ") + unstaged.stream().map(n -> "'" + n + "'")
                    .collect(Collectors.joining(", ")) + " of " + master.name() + " belong"
                    + (unstaged.size() == 1 ? "s" : "") + " to no stage; add "
                    + (unstaged.size() == 1 ? "it" : "them") + " to a stage in dbb-console.yml"));
        }
        for (StageGroup group : groups) {
            for (String name : group.activities()) {
                Activity activity = byName.get(name);
                if (activity == null) {
                    continue;
                }
                for (Dependency dep : activity.dependsOn()) {
                    Integer upstreamStage = stageIndexOf.get(dep.activity());
                    if (upstreamStage != null && upstreamStage > stageIndexOf.get(name)) {
                        problems.add(Problem.error(settingsFile, group.line(), group.column(), "stage '"
                                + group.name() + "' runs '" + name + "', which depends on '" + dep.activity()
                                + "' of the later stage '" + groups.get(upstreamStage).name()
                                + "'; order the stages as the pipeline runs them"));
                    }
                }
            }
        }
        return new StageLayout(stages, problems);
    }
}
