package org.dbb.console.core.fabric.jobs;

import java.util.Objects;

/**
 * One notebook parameter for a {@code RunNotebook} job, sent as {@code {"value": …, "type": …}}; it feeds the
 * notebook's parameters cell. Immutable.
 *
 * @param value the value (String, Long, Double or Boolean, matching {@code type})
 * @param type  the notebook parameter type
 */
public record NotebookParameter(Object value, Type type) {

    /** The parameter types a notebook run accepts. Immutable. */
    public enum Type {
        STRING("string"), INT("int"), FLOAT("float"), BOOL("bool");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public NotebookParameter {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        boolean fits = switch (type) {
            case STRING -> value instanceof String;
            case INT -> value instanceof Long || value instanceof Integer;
            case FLOAT -> value instanceof Double || value instanceof Float;
            case BOOL -> value instanceof Boolean;
        };
        if (!fits) {
            throw new IllegalArgumentException("a " + type.wireName() + " notebook parameter cannot hold a "
                    + value.getClass().getSimpleName());
        }
    }

    public static NotebookParameter of(String value) {
        return new NotebookParameter(value, Type.STRING);
    }

    public static NotebookParameter of(long value) {
        return new NotebookParameter(value, Type.INT);
    }

    public static NotebookParameter of(double value) {
        return new NotebookParameter(value, Type.FLOAT);
    }

    public static NotebookParameter of(boolean value) {
        return new NotebookParameter(value, Type.BOOL);
    }
}
