package org.dbb.console.core.workspace.params.resolve;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of resolving one {@code replace_value} (or {@code $workspace.} {@code find_value}). Immutable.
 *
 * @param input   the value as written
 * @param outcome what happened
 * @param value   the text to write: the literal, the resolved value, or the variable itself for a placeholder
 * @param message why a variable is unresolved or failed, in fabric-cicd's words where it has them
 */
public record VariableResolution(String input, Outcome outcome, Optional<String> value, Optional<String> message) {

    public VariableResolution {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(message, "message");
    }

    static VariableResolution literal(String input) {
        return new VariableResolution(input, Outcome.LITERAL, Optional.of(input), Optional.empty());
    }

    static VariableResolution resolved(String input, String value) {
        return new VariableResolution(input, Outcome.RESOLVED, Optional.of(value), Optional.empty());
    }

    static VariableResolution placeholder(String input, String why) {
        return new VariableResolution(input, Outcome.PLACEHOLDER, Optional.of(input), Optional.of(why));
    }

    static VariableResolution failed(String input, String why) {
        return new VariableResolution(input, Outcome.FAILED, Optional.empty(), Optional.of(why));
    }

    /** Whether the input was a variable (started with {@code $}). */
    public boolean isVariable() {
        return outcome != Outcome.LITERAL;
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    public boolean isPlaceholder() {
        return outcome == Outcome.PLACEHOLDER;
    }

    /** The text to write; only absent when {@link #failed()}. */
    public String text() {
        return value.orElseThrow(() -> new IllegalStateException("variable failed: " + message.orElse(input)));
    }

    /** The possible outcomes. */
    public enum Outcome {
        /** Not a variable; written as is. */
        LITERAL,
        /** A variable, resolved from the context. */
        RESOLVED,
        /** A variable the context cannot resolve, left visible under {@link UnresolvedPolicy#KEEP_PLACEHOLDER}. */
        PLACEHOLDER,
        /** A variable that fabric-cicd would reject at publish. */
        FAILED
    }
}
