package org.dbb.console.core.workspace.params;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value exactly as PyYAML's SafeLoader builds it (Python {@code str}, {@code bool}, {@code int}, {@code float},
 * {@code None}, {@code list}, {@code dict}, dates), together with where it was written, so that every rule can
 * reason with fabric-cicd's Python semantics and still point at a line and column. Immutable and thread-safe.
 */
sealed interface YamlValue permits YamlValue.Scalar, YamlValue.Sequence, YamlValue.Mapping {

    /** Where the value starts (the template file for values merged from {@code extend}). */
    SourcePosition at();

    /** Python's {@code type(value).__name__}. */
    String typeName();

    /** Python truthiness ({@code if value:}). */
    boolean truthy();

    /** Python's {@code str(value)}. */
    default String str() {
        return PyValues.str(this);
    }

    /** Python's {@code repr(value)}. */
    default String repr() {
        return PyValues.repr(this);
    }

    default boolean isString() {
        return this instanceof Scalar s && s.type() == PyType.STR;
    }

    default Optional<String> asString() {
        return isString() ? Optional.of(((Scalar) this).text()) : Optional.empty();
    }

    default boolean isMapping() {
        return this instanceof Mapping;
    }

    default boolean isSequence() {
        return this instanceof Sequence && ((Sequence) this).pythonType().equals("list");
    }

    /** The Python types SafeLoader produces for scalars. */
    enum PyType {
        STR("str"), BOOL("bool"), INT("int"), FLOAT("float"), NONE("NoneType"), DATE("date"),
        DATETIME("datetime"), BYTES("bytes"), SET("set");

        private final String pythonName;

        PyType(String pythonName) {
            this.pythonName = pythonName;
        }

        String pythonName() {
            return pythonName;
        }
    }

    /**
     * A scalar: {@code value} is a {@link String} (str, date, datetime, bytes and set use their Python {@code str}
     * form), {@link Boolean}, {@link BigInteger}, {@link Double} or {@code null}.
     */
    record Scalar(PyType type, Object value, SourcePosition at) implements YamlValue {

        static Scalar string(String text, SourcePosition at) {
            return new Scalar(PyType.STR, text, at);
        }

        /** The text of a str (or the Python str() of other scalars). */
        String text() {
            return PyValues.str(this);
        }

        @Override
        public String typeName() {
            return type.pythonName();
        }

        @Override
        public boolean truthy() {
            return switch (type) {
                case STR, BYTES, SET -> !((String) value).isEmpty() && !(type == PyType.SET && value.equals("set()"));
                case BOOL -> (Boolean) value;
                case INT -> ((BigInteger) value).signum() != 0;
                case FLOAT -> (Double) value != 0.0;
                case NONE -> false;
                case DATE, DATETIME -> true;
            };
        }
    }

    /** A Python list (also used for the tuples inside {@code !!omap}/{@code !!pairs}). */
    record Sequence(List<YamlValue> items, String pythonType, SourcePosition at) implements YamlValue {

        public Sequence {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }

        Sequence(List<YamlValue> items, SourcePosition at) {
            this(items, "list", at);
        }

        @Override
        public String typeName() {
            return pythonType;
        }

        @Override
        public boolean truthy() {
            return !items.isEmpty();
        }
    }

    /** One key/value pair of a mapping, the key keeping its own position. */
    record Entry(YamlValue key, YamlValue value) {
    }

    /** A Python dict: keys unique under Python equality ({@code True == 1}), insertion order kept. */
    record Mapping(Map<Object, Entry> entries, SourcePosition at) implements YamlValue {

        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String typeName() {
            return "dict";
        }

        @Override
        public boolean truthy() {
            return !entries.isEmpty();
        }

        /** {@code dict.get(key)} for a str key. */
        Optional<YamlValue> get(String key) {
            Entry e = entries.get(key);
            return e == null ? Optional.empty() : Optional.of(e.value());
        }

        Optional<Entry> entry(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }

        List<Entry> list() {
            return List.copyOf(entries.values());
        }

        int size() {
            return entries.size();
        }

        /** A copy without one str key (Python {@code del d[key]}). */
        Mapping without(String key) {
            Map<Object, Entry> copy = new LinkedHashMap<>(entries);
            copy.remove(key);
            return new Mapping(copy, at);
        }

        /** A copy with one str key set, kept in place when present (Python dict assignment). */
        Mapping with(YamlValue keyNode, YamlValue value) {
            Map<Object, Entry> copy = new LinkedHashMap<>(entries);
            Object k = PyValues.hashKey(keyNode);
            Entry old = copy.get(k);
            copy.put(k, new Entry(old == null ? keyNode : old.key(), value));
            return new Mapping(copy, at);
        }
    }
}
