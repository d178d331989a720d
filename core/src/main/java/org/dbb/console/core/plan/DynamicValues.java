package org.dbb.console.core.plan;

import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.expr.Expression;
import org.dbb.console.core.expr.ExpressionParser;
import org.dbb.console.core.expr.ExpressionReference;
import org.dbb.console.core.expr.ExpressionSyntaxException;
import org.dbb.console.core.workspace.json.ConcretePath;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.DynamicValue;
import org.dbb.console.core.workspace.pipeline.Pipeline;

/**
 * Parses the values of the master pipeline's activities and checks what they read: declared parameters and
 * variables, outputs of activities that have finished by then, {@code item()} only inside a ForEach. Every
 * problem names the expression and where it is written. One per build; not thread-safe.
 */
final class DynamicValues {

    private final ExpressionParser parser;
    private final DeployedPipeline master;
    private final PlanProblems problems;

    DynamicValues(ExpressionParser parser, DeployedPipeline master, PlanProblems problems) {
        this.parser = parser;
        this.master = master;
        this.problems = problems;
    }

    /**
     * The value at {@code at} as the engine will evaluate it; empty when it is an expression that cannot be read.
     *
     * @param owner the activity the value belongs to, for messages and the upstream check
     * @param scope the level {@code owner} sits in
     */
    Optional<Expression> parse(DynamicValue value, ConcretePath at, Activity owner, Scope scope) {
        if (value instanceof DynamicValue.Literal literal) {
            return Optional.of(new JsonLiteral(literal.value()));
        }
        String text = ((DynamicValue.Expression) value).text();
        ConcretePath textAt = at.member("value");
        Expression expression;
        try {
            expression = parser.parse(text);
        } catch (ExpressionSyntaxException e) {
            problems.add(master.problemAt(textAt, "activity '" + owner.name() + "': the expression " + text
                    + " cannot be read at offset " + e.offset() + ": " + e.getMessage()
                    + "; the console runs only expressions it can evaluate, so rewrite it or move the activity"
                    + " into a child pipeline"));
            return Optional.empty();
        }
        checkReferences(expression, textAt, owner, scope);
        return Optional.of(expression);
    }

    /** The same for a raw JSON member, which may be an expression object or a literal. */
    Optional<Expression> parse(JsonNode node, ConcretePath at, Activity owner, Scope scope) {
        return parse(DynamicValue.of(node), at, owner, scope);
    }

    private void checkReferences(Expression expression, ConcretePath at, Activity owner, Scope scope) {
        Pipeline pipeline = master.pipeline();
        String where = "activity '" + owner.name() + "': " + expression.text();
        Set<String> upstream = null;
        for (ExpressionReference reference : expression.references()) {
            String name = reference.name();
            switch (reference.kind()) {
                case PARAMETER -> {
                    if (!pipeline.parameters().containsKey(name)) {
                        problems.add(master.problemAt(at, where + " reads parameter '" + name + "', which "
                                + pipeline.name() + " does not declare; declared parameters: "
                                + listed(pipeline.parameters().keySet())));
                    }
                }
                case VARIABLE -> {
                    if (!pipeline.variables().containsKey(name)) {
                        problems.add(master.problemAt(at, where + " reads variable '" + name + "', which "
                                + pipeline.name() + " does not declare; declared variables: "
                                + listed(pipeline.variables().keySet())));
                    }
                }
                case ACTIVITY_OUTPUT -> {
                    if (upstream == null) {
                        upstream = scope.upstreamOf(owner.name());
                    }
                    if (!upstream.contains(name)) {
                        problems.add(master.problemAt(at, where + activityProblem(owner, name)));
                    }
                }
                case ITEM -> {
                    if (!scope.inLoop()) {
                        problems.add(master.problemAt(at, where + " reads item(), which has a value only inside"
                                + " a ForEach; pass the value as a parameter instead"));
                    }
                }
                case RUN_ID, TRIGGER_TIME -> {
                    // always known
                }
            }
        }
    }

    private String activityProblem(Activity owner, String name) {
        if (master.pipeline().findByName(name).isEmpty()) {
            return " reads the output of activity '" + name + "', but " + master.pipeline().name()
                    + " has no activity of that name; correct the name";
        }
        return " reads the output of activity '" + name + "', which '" + owner.name() + "' does not depend on"
                + " (directly or through other activities), so it may not have run yet; add '" + name
                + "' to the dependsOn of '" + owner.name() + "' or of an activity it depends on";
    }

    private static String listed(Set<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
