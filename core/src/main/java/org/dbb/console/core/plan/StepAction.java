package org.dbb.console.core.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dbb.console.core.expr.Expression;

/** What running a {@link PlannedStep} means: one of the step kinds of the engine. Immutable. */
public sealed interface StepAction {

    /**
     * Run a Fabric item as a job (Pipeline for Execute/Invoke Pipeline, RunNotebook for notebooks) and wait.
     *
     * @param parameterTypes the declared type of each notebook parameter ({@code string}, {@code int},
     *                       {@code float}, {@code bool}), which a RunNotebook job sends beside each value; empty for
     *                       pipelines, whose parameters are plain values
     */
    record FabricJob(ItemRef item, String jobType, Map<String, Expression> parameters,
                     Map<String, String> parameterTypes) implements StepAction {
        public FabricJob {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(jobType, "jobType");
            parameters = Map.copyOf(parameters);
            parameterTypes = Map.copyOf(parameterTypes);
        }

        /** A job whose parameters carry no declared types (a pipeline). */
        public FabricJob(ItemRef item, String jobType, Map<String, Expression> parameters) {
            this(item, jobType, parameters, Map.of());
        }
    }

    /** Answer a Lookup from the environment's metadata through the Fabric API. */
    record Lookup(LookupSource source, boolean firstRowOnly) implements StepAction {
        public Lookup {
            Objects.requireNonNull(source, "source");
        }
    }

    /** An IfCondition: evaluate, then run one branch's steps. */
    record Condition(Expression expression, List<PlannedStep> ifTrue, List<PlannedStep> ifFalse)
            implements StepAction {
        public Condition {
            Objects.requireNonNull(expression, "expression");
            ifTrue = List.copyOf(ifTrue);
            ifFalse = List.copyOf(ifFalse);
        }
    }

    /** A ForEach: run {@code steps} once per item, at most {@code batchCount} items at once. */
    record FanOut(Expression items, int batchCount, List<PlannedStep> steps) implements StepAction {
        public FanOut {
            Objects.requireNonNull(items, "items");
            steps = List.copyOf(steps);
            if (batchCount < 1) {
                throw new IllegalArgumentException("batchCount must be at least 1");
            }
        }
    }

    /**
     * The semantic refresh conductor: refresh {@code models} through Power BI, at most {@code cap} at once.
     *
     * @param capSource where the planner took {@code cap} from
     */
    record SemanticRefresh(List<ModelTarget> models, int cap, RetrySpec perModel, CapSource capSource)
            implements StepAction {
        public SemanticRefresh {
            models = List.copyOf(models);
            Objects.requireNonNull(perModel, "perModel");
            Objects.requireNonNull(capSource, "capSource");
            if (cap < 1) {
                throw new IllegalArgumentException("cap must be at least 1");
            }
        }

        /** A refresh whose cap its caller chose, as a launch request names one. */
        public SemanticRefresh(List<ModelTarget> models, int cap, RetrySpec perModel) {
            this(models, cap, perModel, CapSource.LAUNCH_REQUEST);
        }
    }

    /** SetVariable: evaluate and store a pipeline variable. */
    record SetVariable(String variable, Expression value) implements StepAction {
        public SetVariable {
            Objects.requireNonNull(variable, "variable");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Wait: do nothing for a while (scaled to the environment's clock). */
    record Pause(Duration duration) implements StepAction {
        public Pause {
            Objects.requireNonNull(duration, "duration");
        }
    }
}
