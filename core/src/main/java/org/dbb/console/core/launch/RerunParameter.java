package org.dbb.console.core.launch;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One master pipeline parameter of a re-run of a Fabric run: the value the re-run uses and where it comes from, for
 * the operator to confirm. Immutable; thread-safe (the value is handed out as a copy).
 *
 * @param name   the parameter
 * @param value  the value the plan uses; empty when it has none
 * @param source where the value comes from
 * @param secure whether the value must be masked when shown
 */
public record RerunParameter(String name, Optional<JsonNode> value, Source source, boolean secure) {

    /** Where a re-run's parameter value comes from. */
    public enum Source {
        /** What the Fabric run used, read from its activity inputs. */
        FROM_RUN,
        /** The operator's override. */
        OVERRIDDEN,
        /**
         * The value a launch in the environment takes (the pipeline's default as deployed there): Fabric shows no
         * value of the run, which may have used another one.
         */
        DEFAULT
    }

    public RerunParameter {
        Objects.requireNonNull(name, "name");
        value = Objects.requireNonNull(value, "value").map(JsonNode::deepCopy);
        Objects.requireNonNull(source, "source");
    }

    @Override
    public Optional<JsonNode> value() {
        return value.map(JsonNode::deepCopy);
    }

    /** The value as text for people; secure values as {@code ••••••}. */
    public String shown() {
        return secure ? "••••••" : value.map(JsonNode::toString).orElse("(none)");
    }
}
