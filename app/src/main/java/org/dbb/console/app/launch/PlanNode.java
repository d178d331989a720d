package org.dbb.console.app.launch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.dbb.console.core.engine.RerunOutline;

/**
 * One row of the dry-run tree: a stage, a step, a branch of a step, a semantic model or the refresh cap, with its
 * details in words and, in a re-run, what happens to the stage. Immutable.
 *
 * @param kind     what the row is
 * @param label    its name, e.g. {@code Stage 3 · Transformation} or {@code Run transformation pipeline}
 * @param detail   the rest in words: item and id, retry policy, timeout, target
 * @param fate     for a stage of a re-run: reused, run again or skipped
 * @param children the rows beneath it
 */
public record PlanNode(Kind kind, String label, String detail, Optional<RerunOutline.Fate> fate,
                       List<PlanNode> children) {

    /** What a row stands for. */
    public enum Kind { STAGE, STEP, BRANCH, MODEL, CAP }

    public PlanNode {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(fate, "fate");
        children = List.copyOf(children);
    }

    /** This row and every row beneath it, depth first. */
    public List<PlanNode> flatten() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(c -> c.flatten().stream())).toList();
    }
}
