package org.dbb.console.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.dbb.console.core.plan.PlannedStep;
import org.dbb.console.core.workspace.pipeline.Dependency;
import org.dbb.console.core.workspace.pipeline.DependencyCondition;

/**
 * Sibling steps run by their dependencies, as Data Factory does: a step starts when every upstream ended with an
 * outcome its condition accepts (Succeeded, Failed, Skipped, or Completed for either of the first two), and is
 * skipped as soon as one upstream ended otherwise. Steps without pending dependencies start at once, in parallel.
 * A stage's top-level steps form one graph; a branch or one fan-out item forms a nested one. Used only on the run's
 * serial executor.
 */
final class StepGraph implements Cancellable {

    /** How the graph ended. Immutable. */
    record Result(boolean failed, boolean cancelled, List<String> failedSteps) {
    }

    private final RunExecution run;
    private final String stage;
    private final StepKey parent;
    private final Scope scope;
    private final ReusePolicy reuse;
    private final List<Node> nodes = new ArrayList<>();
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private int open;

    /**
     * @param parent the branch or item this graph runs inside, or null for a stage's top-level steps
     */
    StepGraph(RunExecution run, String stage, StepKey parent, List<PlannedStep> steps, Scope scope,
            ReusePolicy reuse) {
        this.run = run;
        this.stage = stage;
        this.parent = parent;
        this.scope = scope;
        this.reuse = reuse;
        for (PlannedStep step : steps) {
            nodes.add(new Node(step, parent == null ? StepKey.of(stage, step.name()) : parent.child(step.name())));
        }
        open = nodes.size();
    }

    CompletableFuture<Result> start() {
        run.track(this);
        for (Node node : nodes) {
            advance(node);
        }
        settleIfDone();
        return done;
    }

    @Override
    public void cancel() {
        for (Node node : nodes) {
            if (!node.started && !node.state.isTerminal()) {
                end(node, StepResult.cancelled());
            }
        }
        settleIfDone();
    }

    private void advance(Node node) {
        if (node.started || node.state.isTerminal()) {
            return;
        }
        if (run.isCancelling()) {
            end(node, StepResult.cancelled());
            return;
        }
        List<String> pending = new ArrayList<>();
        for (Dependency dependency : node.step.dependsOn()) {
            Optional<StepState> upstream = outcome(dependency.activity());
            if (upstream.isEmpty()) {
                pending.add(dependency.activity());
                continue;
            }
            Optional<DependencyCondition> as = asCondition(upstream.get());
            if (as.isEmpty() || !dependency.isSatisfiedBy(as.get())) {
                skip(node, dependency, upstream.get());
                return;
            }
        }
        if (!pending.isEmpty()) {
            List<String> unknown = pending.stream().filter(name -> !isSibling(name)).toList();
            if (!unknown.isEmpty()) {
                end(node, StepResult.failed("depends on " + unknown + ", which this run has not run before it"
                        + " (a later stage, or not in the plan)"));
                return;
            }
            node.state = StepState.WAITING;
            run.waiting(node.key, WaitReason.upstream(pending), 0);
            return;
        }
        Optional<RunRecord.StepRecord> original = reuse.reusable(node.key);
        if (original.isPresent()) {
            node.started = true;
            run.reuse(node.key, original.get(), scope);
            node.state = original.get().state().orElseThrow();
            closed();
            return;
        }
        node.started = true;
        node.state = StepState.RUNNING;
        run.steps().run(node.key, node.step, scope, reuse)
                .whenCompleteAsync((result, error) -> ended(node, result, error), run.serial());
    }

    private void ended(Node node, StepResult result, Throwable error) {
        StepResult outcome = error == null ? result
                : StepResult.failed("the console failed running the step: " + error);
        end(node, outcome);
    }

    private void end(Node node, StepResult result) {
        node.state = result.state();
        node.started = true;
        result.output().ifPresent(output -> scope.putOutput(node.step.name(), output));
        run.variables().putAll(result.variablesSet());
        run.stepEnded(node.key, result);
        closed();
    }

    private void skip(Node node, Dependency dependency, StepState upstream) {
        node.started = true;
        node.state = StepState.SKIPPED;
        run.stepSkipped(node.key, "skipped: " + dependency.activity() + " ended " + upstream
                + ", the dependency needs " + dependency.conditions().stream().map(DependencyCondition::jsonName)
                .toList());
        closed();
    }

    private void closed() {
        open--;
        for (Node node : nodes) {
            advance(node);
        }
        settleIfDone();
    }

    private void settleIfDone() {
        if (open > 0 || done.isDone()) {
            return;
        }
        run.untrack(this);
        List<String> failed = nodes.stream().filter(n -> n.state == StepState.FAILED).map(n -> n.step.name())
                .toList();
        boolean cancelled = nodes.stream().anyMatch(n -> n.state == StepState.CANCELLED);
        done.complete(new Result(!failed.isEmpty(), cancelled, failed));
    }

    private Optional<StepState> outcome(String activity) {
        for (Node node : nodes) {
            if (node.step.name().equals(activity)) {
                return node.state.isTerminal() ? Optional.of(node.state) : Optional.empty();
            }
        }
        return parent == null ? run.topLevelOutcome(activity) : Optional.empty();
    }

    private boolean isSibling(String activity) {
        return nodes.stream().anyMatch(n -> n.step.name().equals(activity));
    }

    private static Optional<DependencyCondition> asCondition(StepState state) {
        return switch (state) {
            case SUCCEEDED -> Optional.of(DependencyCondition.SUCCEEDED);
            case FAILED -> Optional.of(DependencyCondition.FAILED);
            case SKIPPED -> Optional.of(DependencyCondition.SKIPPED);
            default -> Optional.empty();
        };
    }

    /** One step of the graph and where it stands. */
    private static final class Node {
        final PlannedStep step;
        final StepKey key;
        StepState state = StepState.PENDING;
        boolean started;

        Node(PlannedStep step, StepKey key) {
            this.step = step;
            this.key = key;
        }
    }
}
