package org.dbb.console.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.dbb.console.core.problem.Problem;

/**
 * The errors and warnings of one plan build, each error once and in the order found. Confined to one build; not
 * thread-safe.
 */
final class PlanProblems {

    private final Set<Problem> errors = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();

    void add(Problem problem) {
        if (problem.isError()) {
            errors.add(problem);
        } else {
            warnings.add(problem.message());
        }
    }

    void addAll(List<Problem> problems) {
        problems.forEach(this::add);
    }

    void warn(String message) {
        if (!warnings.contains(message)) {
            warnings.add(message);
        }
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Throws when anything was found that the console cannot run. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new PlanException(List.copyOf(errors));
        }
    }
}
