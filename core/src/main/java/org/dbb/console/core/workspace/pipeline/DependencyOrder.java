package org.dbb.console.core.workspace.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.json.ConcretePath;

/**
 * Sibling activities in an order where each comes after the activities it depends on (ties keep file order), plus
 * the problems that prevent a complete order: dependencies on names that are not siblings, repeated names and
 * cycles. Activities caught in or behind a cycle are appended in file order. Immutable.
 *
 * @param activities every sibling exactly once
 * @param problems   empty when the order is complete
 */
public record DependencyOrder(List<Activity> activities, List<Problem> problems) {

    public DependencyOrder {
        activities = List.copyOf(activities);
        problems = List.copyOf(problems);
    }

    /** Whether every dependency could be honoured. */
    public boolean isComplete() {
        return problems.isEmpty();
    }

    /** Orders {@code siblings} (the activities of one level: top level, or one container branch). */
    public static DependencyOrder of(Path file, List<Activity> siblings) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> indexByName = new HashMap<>();
        for (int i = 0; i < siblings.size(); i++) {
            Activity activity = siblings.get(i);
            Integer earlier = indexByName.putIfAbsent(activity.name(), i);
            if (earlier != null) {
                problems.add(problem(file, activity, activity.jsonPath(), "activity \"" + activity.name()
                        + "\" has the same name as the one at " + siblings.get(earlier).jsonPath()
                        + "; Fabric requires unique activity names, so rename one of them"));
            }
        }
        List<Set<Integer>> upstream = new ArrayList<>();
        for (Activity activity : siblings) {
            Set<Integer> needs = new LinkedHashSet<>();
            for (int d = 0; d < activity.dependsOn().size(); d++) {
                String target = activity.dependsOn().get(d).activity();
                Integer index = indexByName.get(target);
                if (index == null) {
                    ConcretePath at = activity.jsonPath().member("dependsOn").index(d).member("activity");
                    problems.add(problem(file, activity, at, "activity \"" + activity.name() + "\" depends on \""
                            + target + "\", which is not an activity at the same level; correct the name in"
                            + " dependsOn or remove that dependency"));
                } else {
                    needs.add(index);
                }
            }
            upstream.add(needs);
        }
        List<Integer> order = kahn(upstream);
        List<Activity> ordered = new ArrayList<>(order.stream().map(siblings::get).toList());
        if (order.size() < siblings.size()) {
            reportCycle(file, siblings, upstream, Set.copyOf(order), problems, ordered);
        }
        return new DependencyOrder(ordered, problems);
    }

    private static List<Integer> kahn(List<Set<Integer>> upstream) {
        int count = upstream.size();
        int[] waiting = new int[count];
        List<List<Integer>> downstream = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            downstream.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            waiting[i] = upstream.get(i).size();
            for (int up : upstream.get(i)) {
                downstream.get(up).add(i);
            }
        }
        // Taking the earliest ready activity keeps independent activities in the order the author wrote them.
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < count; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<Integer> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            int next = ready.poll();
            order.add(next);
            for (int down : downstream.get(next)) {
                if (--waiting[down] == 0) {
                    ready.add(down);
                }
            }
        }
        return order;
    }

    private static void reportCycle(Path file, List<Activity> siblings, List<Set<Integer>> upstream,
                                    Set<Integer> placed, List<Problem> problems, List<Activity> ordered) {
        List<Integer> stuck = new ArrayList<>();
        for (int i = 0; i < siblings.size(); i++) {
            if (!placed.contains(i)) {
                stuck.add(i);
            }
        }
        // Every stuck activity waits on another stuck one, so following those waits from any of them loops.
        List<Integer> walk = new ArrayList<>();
        int current = stuck.get(0);
        while (!walk.contains(current)) {
            walk.add(current);
            current = upstream.get(current).stream().filter(u -> !placed.contains(u)).findFirst().orElseThrow();
        }
        List<Integer> cycle = new ArrayList<>(walk.subList(walk.indexOf(current), walk.size()));
        cycle.add(current);
        String described = cycle.stream().map(i -> "\"" + siblings.get(i).name() + "\"")
                .collect(Collectors.joining(" waits for "));
        for (int i : stuck) {
            Activity activity = siblings.get(i);
            String message = cycle.contains(i)
                    ? "activity \"" + activity.name() + "\" is part of a dependency cycle (" + described
                            + "); remove one of these dependsOn entries"
                    : "activity \"" + activity.name() + "\" can never start because it waits, directly or"
                            + " through others, on a dependency cycle (" + described + ")";
            problems.add(problem(file, activity, activity.jsonPath(), message));
            ordered.add(activity);
        }
    }

    private static Problem problem(Path file, Activity activity, ConcretePath at, String message) {
        return Problem.errorAt(file, activity.position().line(), activity.position().column(), at.toString(),
                message);
    }
}
