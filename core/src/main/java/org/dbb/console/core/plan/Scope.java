package org.dbb.console.core.plan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.Dependency;

/**
 * One level of activities (the top level, or one branch or loop body) and the levels around it, so a value can be
 * checked to read only outputs of activities that have certainly finished: its own upstream siblings and,
 * outside, whatever its container waits for. Immutable.
 */
final class Scope {

    private final Map<String, Activity> siblings = new LinkedHashMap<>();
    private final Optional<Scope> outer;
    private final Optional<String> container;
    private final boolean loopBody;

    private Scope(List<Activity> level, Optional<Scope> outer, Optional<String> container, boolean loopBody) {
        level.forEach(a -> siblings.putIfAbsent(a.name(), a));
        this.outer = outer;
        this.container = container;
        this.loopBody = loopBody;
    }

    static Scope top(List<Activity> level) {
        return new Scope(level, Optional.empty(), Optional.empty(), false);
    }

    /** The level inside {@code owner}, e.g. one branch of an IfCondition; a ForEach body is a loop body. */
    Scope inside(Activity owner, List<Activity> level, boolean isLoopBody) {
        return new Scope(level, Optional.of(this), Optional.of(owner.name()), isLoopBody || loopBody);
    }

    /** Whether {@code item()} has a value here. */
    boolean inLoop() {
        return loopBody;
    }

    /** Every activity that has finished whenever the activity {@code name} of this level starts. */
    Set<String> upstreamOf(String name) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.push(name);
        while (!todo.isEmpty()) {
            Activity activity = siblings.get(todo.pop());
            if (activity == null) {
                continue;
            }
            for (Dependency dependency : activity.dependsOn()) {
                if (found.add(dependency.activity())) {
                    todo.push(dependency.activity());
                }
            }
        }
        outer.ifPresent(o -> found.addAll(o.upstreamOf(container.orElseThrow())));
        return found;
    }
}
