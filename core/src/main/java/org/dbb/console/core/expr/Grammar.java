package org.dbb.console.core.expr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.dbb.console.core.expr.ExpressionReference.Kind;

/**
 * Recursive-descent parser for one expression body (the part after {@code @} or inside {@code @{…}}):
 * <pre>
 * expression := primary postfix*
 * primary    := STRING | INTEGER | FLOAT | true | false | null | NAME '(' [expression (',' expression)*] ')'
 * postfix    := '.' NAME | '?.' NAME | '[' expression ']' | '?[' expression ']'
 * </pre>
 * Run-state readers ({@code pipeline()}, {@code variables}, {@code item}, {@code activity}) become
 * {@link Node.Reference}s and are recorded so the caller can report them. Not thread-safe; one per parse.
 */
final class Grammar {

    private static final String PIPELINE_PROPERTIES = "parameters, RunId, TriggerTime";

    private final String text;
    private final Lexer lexer;
    private final Set<ExpressionReference> references;
    private Token current;

    private Grammar(String text, int start, Set<ExpressionReference> references) {
        this.text = text;
        this.lexer = new Lexer(text, start);
        this.references = references;
        this.current = lexer.next();
    }

    /** Parses {@code text} from {@code start} to its end as one expression. */
    static Node parseToEnd(String text, int start, Set<ExpressionReference> references) {
        Grammar grammar = new Grammar(text, start, references);
        if (grammar.current.kind() == Token.Kind.END) {
            throw new ExpressionSyntaxException("expected an expression after '@' at offset " + start, text, start);
        }
        Node node = grammar.expression();
        grammar.expect(Token.Kind.END, "after the expression");
        return node;
    }

    /**
     * Parses one expression from {@code start} up to its closing brace, as inside {@code @{…}}.
     *
     * @return the expression and the offset just past the closing brace
     */
    static Embedded parseUntilBrace(String text, int start, Set<ExpressionReference> references) {
        Grammar grammar = new Grammar(text, start, references);
        if (grammar.current.kind() == Token.Kind.RIGHT_BRACE) {
            throw new ExpressionSyntaxException("'@{}' is empty at offset " + (start - 2)
                    + "; put an expression between the braces", text, start - 2);
        }
        Node node = grammar.expression();
        if (grammar.current.kind() == Token.Kind.END) {
            throw new ExpressionSyntaxException("'@{' at offset " + (start - 2) + " is not closed; end it with '}'",
                    text, start - 2);
        }
        if (grammar.current.kind() != Token.Kind.RIGHT_BRACE) {
            throw grammar.unexpected(grammar.current, "'}' to close '@{'");
        }
        // not consumed: the lexer must not read on into the literal text that follows
        return new Embedded(node, grammar.current.span().end());
    }

    /** An expression parsed out of {@code @{…}} and where the text after it resumes. */
    record Embedded(Node node, int resumeAt) {
    }

    private Node expression() {
        Node node = primary();
        while (true) {
            switch (current.kind()) {
                case DOT, NULL_SAFE_DOT -> {
                    boolean nullSafe = advance().kind() == Token.Kind.NULL_SAFE_DOT;
                    Token name = expect(Token.Kind.IDENTIFIER, "after '" + (nullSafe ? "?." : ".") + "'");
                    node = new Node.Member(node, name.value(), nullSafe, node.span().to(name.span()));
                }
                case LEFT_BRACKET, NULL_SAFE_BRACKET -> {
                    boolean nullSafe = advance().kind() == Token.Kind.NULL_SAFE_BRACKET;
                    Node key = expression();
                    Token close = expect(Token.Kind.RIGHT_BRACKET, "to close '['");
                    node = new Node.Index(node, key, nullSafe, node.span().to(close.span()));
                }
                default -> {
                    return node;
                }
            }
        }
    }

    private Node primary() {
        Token token = advance();
        return switch (token.kind()) {
            case STRING -> new Node.Literal(TextNode.valueOf(token.value()), token.span());
            case INTEGER -> integer(token);
            case FLOAT -> new Node.Literal(DoubleNode.valueOf(Double.parseDouble(token.value())), token.span());
            case IDENTIFIER -> nameOrCall(token);
            default -> throw unexpected(token, "an expression");
        };
    }

    private Node integer(Token token) {
        BigInteger value = new BigInteger(token.value());
        if (value.bitLength() > 63) {
            throw new ExpressionSyntaxException("integer " + token.value() + " at offset " + token.start()
                    + " does not fit in 64 bits", text, token.start());
        }
        return new Node.Literal(Values.integer(value.longValue()), token.span());
    }

    private Node nameOrCall(Token name) {
        String lower = name.value().toLowerCase(Locale.ROOT);
        if (current.kind() != Token.Kind.LEFT_PAREN) {
            return switch (lower) {
                case "true" -> new Node.Literal(BooleanNode.TRUE, name.span());
                case "false" -> new Node.Literal(BooleanNode.FALSE, name.span());
                case "null" -> new Node.Literal(NullNode.getInstance(), name.span());
                default -> throw new ExpressionSyntaxException("expected '(' after '" + name.value() + "' at offset "
                        + name.span().end() + "; names are function calls such as " + name.value() + "(…)", text,
                        name.span().end());
            };
        }
        return switch (lower) {
            case "pipeline" -> pipeline(name);
            case "variables" -> variable(name);
            case "activity" -> activityOutput(name);
            case "item" -> {
                Token close = emptyArguments(name);
                yield reference(new ExpressionReference(Kind.ITEM, ""), name.span().to(close.span()));
            }
            default -> call(name);
        };
    }

    private Node call(Token name) {
        Function function = Function.lookup(name.value()).orElseThrow(() -> new ExpressionSyntaxException(
                "function '" + name.value() + "' is not supported by DBB Console; supported: "
                        + String.join(", ", Function.supportedNames()), text, name.start()));
        advance();
        List<Node> arguments = new ArrayList<>();
        if (current.kind() != Token.Kind.RIGHT_PAREN) {
            arguments.add(expression());
            while (current.kind() == Token.Kind.COMMA) {
                advance();
                arguments.add(expression());
            }
        }
        Token close = expect(Token.Kind.RIGHT_PAREN, "to close " + function.displayName() + "(");
        if (!function.accepts(arguments.size())) {
            throw new ExpressionSyntaxException(function.displayName() + "() takes " + function.arityText()
                    + " but got " + arguments.size() + " at offset " + name.start(), text, name.start());
        }
        return new Node.Call(function, arguments, name.span().to(close.span()), name.span());
    }

    private Node pipeline(Token name) {
        Token close = emptyArguments(name);
        if (current.kind() != Token.Kind.DOT && current.kind() != Token.Kind.NULL_SAFE_DOT) {
            throw new ExpressionSyntaxException("pipeline() must be followed by ." + PIPELINE_PROPERTIES.replace(
                    ", ", ", .") + " at offset " + close.span().end(), text, close.span().end());
        }
        advance();
        Token property = expect(Token.Kind.IDENTIFIER, "after 'pipeline().'");
        Span span = name.span().to(property.span());
        return switch (property.value().toLowerCase(Locale.ROOT)) {
            case "runid" -> reference(new ExpressionReference(Kind.RUN_ID, ""), span);
            case "triggertime" -> reference(new ExpressionReference(Kind.TRIGGER_TIME, ""), span);
            case "parameters" -> parameter(name);
            default -> throw new ExpressionSyntaxException("pipeline()." + property.value()
                    + " is not supported by DBB Console; supported: " + PIPELINE_PROPERTIES, text, property.start());
        };
    }

    private Node parameter(Token pipeline) {
        Token opener = advance();
        Token parameterName;
        Span end;
        if (opener.kind() == Token.Kind.DOT || opener.kind() == Token.Kind.NULL_SAFE_DOT) {
            parameterName = expect(Token.Kind.IDENTIFIER, "after 'pipeline().parameters.'");
            end = parameterName.span();
        } else if (opener.kind() == Token.Kind.LEFT_BRACKET || opener.kind() == Token.Kind.NULL_SAFE_BRACKET) {
            parameterName = expect(Token.Kind.STRING, "as the parameter name in pipeline().parameters[…]");
            end = expect(Token.Kind.RIGHT_BRACKET, "to close '['").span();
        } else {
            throw new ExpressionSyntaxException("pipeline().parameters must name a parameter, e.g. "
                    + "pipeline().parameters.load_date, at offset " + opener.start(), text, opener.start());
        }
        return reference(new ExpressionReference(Kind.PARAMETER, parameterName.value()), pipeline.span().to(end));
    }

    private Node activityOutput(Token name) {
        QuotedName activity = quotedName(name, "activity('Lookup environment')");
        if (current.kind() != Token.Kind.DOT && current.kind() != Token.Kind.NULL_SAFE_DOT) {
            throw new ExpressionSyntaxException("activity(…) must be followed by .output at offset "
                    + activity.span().end(), text, activity.span().end());
        }
        advance();
        Token property = expect(Token.Kind.IDENTIFIER, "after 'activity(…).'");
        if (!property.value().equalsIgnoreCase("output")) {
            throw new ExpressionSyntaxException("activity(…)." + property.value()
                    + " is not supported by DBB Console; supported: output", text, property.start());
        }
        return reference(new ExpressionReference(Kind.ACTIVITY_OUTPUT, activity.name()),
                activity.span().to(property.span()));
    }

    private Node variable(Token name) {
        QuotedName variable = quotedName(name, "variables('load_date')");
        return reference(new ExpressionReference(Kind.VARIABLE, variable.name()), variable.span());
    }

    /** {@code name('text')}: the quoted text and the span of the whole call. */
    private QuotedName quotedName(Token name, String example) {
        advance();
        Token argument = current;
        if (argument.kind() != Token.Kind.STRING) {
            throw new ExpressionSyntaxException(name.value() + "() takes a name in quotes, e.g. " + example
                    + ", at offset " + argument.start(), text, argument.start());
        }
        advance();
        Token close = expect(Token.Kind.RIGHT_PAREN, "to close " + name.value() + "(");
        return new QuotedName(argument.value(), name.span().to(close.span()));
    }

    private record QuotedName(String name, Span span) {
    }

    private Token emptyArguments(Token name) {
        advance();
        if (current.kind() != Token.Kind.RIGHT_PAREN) {
            throw new ExpressionSyntaxException(name.value() + "() takes no arguments; found " + current.describe()
                    + " at offset " + current.start(), text, current.start());
        }
        return advance();
    }

    private Node reference(ExpressionReference reference, Span span) {
        references.add(reference);
        return new Node.Reference(reference, span);
    }

    private Token advance() {
        Token taken = current;
        if (taken.kind() != Token.Kind.END) {
            current = lexer.next();
        }
        return taken;
    }

    private Token expect(Token.Kind kind, String context) {
        if (current.kind() != kind) {
            throw unexpected(current, kind.description() + " " + context);
        }
        return advance();
    }

    private ExpressionSyntaxException unexpected(Token found, String expected) {
        return new ExpressionSyntaxException("expected " + expected + " but found " + found.describe()
                + " at offset " + found.start(), text, found.start());
    }

    /** A fresh, ordered set for collecting references in the order they are written. */
    static Set<ExpressionReference> newReferenceSet() {
        return new LinkedHashSet<>();
    }
}
