package org.dbb.console.core.plan;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.expr.Expression;
import org.dbb.console.core.expr.ExpressionEvaluationException;
import org.dbb.console.core.expr.ExpressionReference;
import org.dbb.console.core.workspace.json.ConcretePath;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.DynamicValue;

/**
 * Works out values the plan must fix before the run starts (the models to refresh, a Wait's length, which item to
 * run): a literal as written, or an expression that reads only the launch parameters. One per use; not
 * thread-safe.
 */
final class FixedValues {

    private static final Set<ExpressionReference.Kind> KNOWN_BEFORE_THE_RUN = EnumSet.of(
            ExpressionReference.Kind.PARAMETER, ExpressionReference.Kind.RUN_ID,
            ExpressionReference.Kind.TRIGGER_TIME);

    private final DynamicValues values;
    private final Map<String, JsonNode> parameters;
    private final PlanProblems problems;
    private final DeployedPipeline master;

    FixedValues(DynamicValues values, Map<String, JsonNode> parameters, PlanProblems problems,
                DeployedPipeline master) {
        this.values = values;
        this.parameters = parameters;
        this.problems = problems;
        this.master = master;
    }

    /**
     * The value at {@code at}; empty, with a problem recorded, when it cannot be known before the run.
     *
     * @param what words for the value in messages, e.g. {@code the pipeline to run}
     */
    Optional<JsonNode> value(DynamicValue value, ConcretePath at, Activity owner, Scope scope, String what) {
        if (value instanceof DynamicValue.Literal literal) {
            return Optional.of(literal.value());
        }
        Optional<Expression> parsed = values.parse(value, at, owner, scope);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Expression expression = parsed.get();
        Set<ExpressionReference> late = expression.references().stream()
                .filter(r -> !KNOWN_BEFORE_THE_RUN.contains(r.kind())).collect(Collectors.toSet());
        if (!late.isEmpty()) {
            problems.add(master.problemAt(at.member("value"), "activity '" + owner.name() + "': " + what
                    + " must be known before the run starts, but " + expression.text() + " reads "
                    + late.stream().map(FixedValues::describe).sorted().collect(Collectors.joining(", "))
                    + "; write the value, or an expression over the pipeline's parameters only"));
            return Optional.empty();
        }
        try {
            return Optional.of(expression.evaluate(new PlanTimeContext(parameters)));
        } catch (ExpressionEvaluationException e) {
            problems.add(master.problemAt(at.member("value"), "activity '" + owner.name() + "': " + what
                    + " cannot be worked out from " + expression.text() + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static String describe(ExpressionReference reference) {
        return switch (reference.kind()) {
            case VARIABLE -> "variable '" + reference.name() + "'";
            case ACTIVITY_OUTPUT -> "the output of activity '" + reference.name() + "'";
            case ITEM -> "item()";
            default -> reference.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + reference.name();
        };
    }
}
