package org.dbb.console.core.expr;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** One node of a parsed expression's syntax tree. Immutable. */
sealed interface Node permits Node.Literal, Node.Reference, Node.Call, Node.Member, Node.Index {

    /** Where the node was written. */
    Span span();

    /** A quoted string, number, {@code true}, {@code false} or {@code null}. */
    record Literal(JsonNode value, Span span) implements Node {
    }

    /**
     * A read of run state: {@code pipeline().parameters.x}, {@code variables('x')}, {@code activity('x').output},
     * {@code item()}, {@code pipeline().RunId} or {@code pipeline().TriggerTime}.
     */
    record Reference(ExpressionReference reference, Span span) implements Node {
    }

    /** A call of one of the supported functions. */
    record Call(Function function, List<Node> arguments, Span span, Span nameSpan) implements Node {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code target.name}, or {@code target?.name} when {@code nullSafe}. */
    record Member(Node target, String name, boolean nullSafe, Span span) implements Node {
    }

    /** {@code target[key]}, or {@code target?[key]} when {@code nullSafe}. */
    record Index(Node target, Node key, boolean nullSafe, Span span) implements Node {
    }
}
