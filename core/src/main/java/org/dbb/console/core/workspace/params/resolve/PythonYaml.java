package org.dbb.console.core.workspace.params.resolve;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads and writes YAML the way fabric-cicd's PyYAML calls do: {@code yaml.safe_load} to decide whether a file is
 * "structured YAML" (a mapping or a sequence), and {@code yaml.dump(data, default_flow_style=False,
 * allow_unicode=True)} (block style, keys sorted) to write it back. SnakeYAML is a port of PyYAML, so the parser
 * and emitter follow the same algorithm; this class adds PyYAML's implicit-type patterns (YAML 1.1, e.g.
 * {@code 1e5} is a string), PyYAML's float spelling ({@code 1.0e-05}, {@code .inf}) and its scalar style choice.
 * Known differences: timestamps are written back as they were spelled (PyYAML normalises them),
 * {@code !!binary} and {@code !!set} values are not reproduced byte for byte. Thread-safe: every call builds its
 * own SnakeYAML instance because those are not.
 */
final class PythonYaml {

    /** The root of a YAML document that parsed as a mapping or sequence, or empty otherwise. */
    Optional<Object> loadStructured(String text) {
        Object data;
        try {
            data = yaml().load(text);
        } catch (RuntimeException e) {
            // PyYAML raises YAMLError for the same inputs; fabric-cicd then treats the file as neither JSON nor YAML.
            return Optional.empty();
        }
        return data instanceof Map || data instanceof List ? Optional.of(data) : Optional.empty();
    }

    /** {@code yaml.dump(data, default_flow_style=False, allow_unicode=True)}. */
    String dump(Object data) {
        return yaml().dump(sortKeys(data, new IdentityHashMap<>()));
    }

    private static Yaml yaml() {
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(true);
        loader.setMaxAliasesForCollections(Integer.MAX_VALUE);
        loader.setCodePointLimit(Integer.MAX_VALUE);
        loader.setNestingDepthLimit(10_000);
        DumperOptions dumper = new DumperOptions();
        dumper.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumper.setAllowUnicode(true);
        dumper.setIndent(2);
        dumper.setWidth(80);
        dumper.setLineBreak(DumperOptions.LineBreak.UNIX);
        dumper.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
        return new Yaml(new PyConstructor(loader), new PyRepresenter(dumper), dumper, loader, new PyResolver());
    }

    /**
     * PyYAML sorts every mapping ({@code sorted(mapping.items())}) and leaves it unsorted when keys cannot be
     * compared. Shared collections stay shared so that anchors and aliases come out as PyYAML writes them.
     */
    private static Object sortKeys(Object value, IdentityHashMap<Object, Object> done) {
        if (!(value instanceof Map) && !(value instanceof Collection)) {
            return value;
        }
        Object seen = done.get(value);
        if (seen != null) {
            return seen;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> sorted = new LinkedHashMap<>();
            done.put(value, sorted);
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            keyOrder(entries).ifPresent(entries::sort);
            for (Map.Entry<?, ?> e : entries) {
                sorted.put(e.getKey(), sortKeys(e.getValue(), done));
            }
            return sorted;
        }
        List<Object> list = new ArrayList<>();
        done.put(value, list);
        for (Object element : (Collection<?>) value) {
            list.add(sortKeys(element, done));
        }
        return list;
    }

    private static Optional<Comparator<Map.Entry<?, ?>>> keyOrder(List<Map.Entry<?, ?>> entries) {
        if (entries.stream().allMatch(e -> e.getKey() instanceof String)) {
            return Optional.of((a, b) -> compareCodePoints((String) a.getKey(), (String) b.getKey()));
        }
        if (entries.stream().allMatch(e -> e.getKey() instanceof Number || e.getKey() instanceof Boolean)) {
            return Optional.of((a, b) -> Double.compare(numeric(a.getKey()), numeric(b.getKey())));
        }
        return Optional.empty();
    }

    private static double numeric(Object key) {
        return key instanceof Boolean b ? (b ? 1 : 0) : ((Number) key).doubleValue();
    }

    /** Python compares strings by code point, Java's {@code compareTo} by UTF-16 unit. */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** PyYAML's {@code float} representer: {@code repr(x).lower()}, with {@code .0} added before a bare exponent. */
    static String pyYamlFloat(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        String value = PythonFloats.repr(d).toLowerCase(java.util.Locale.ROOT);
        if (!value.contains(".") && value.contains("e")) {
            value = value.replaceFirst("e", ".0e");
        }
        return value;
    }

    /** PyYAML's implicit resolvers (yaml/resolver.py), registered in PyYAML's order. */
    private static final class PyResolver extends Resolver {

        private static final Pattern BOOL = Pattern.compile(
                "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
        private static final Pattern FLOAT = Pattern.compile(
                "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
                        + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                        + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                        + "|[-+]?\\.(?:inf|Inf|INF)"
                        + "|\\.(?:nan|NaN|NAN))$");
        private static final Pattern INT = Pattern.compile(
                "^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
                        + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
        private static final Pattern MERGE_KEY = Pattern.compile("^(?:<<)$");
        private static final Pattern NULL_VALUE = Pattern.compile("^(?:~|null|Null|NULL|)$");
        private static final Pattern TIMESTAMP_VALUE = Pattern.compile(
                "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                        + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                        + "(?:[Tt]|[ \\t]+)[0-9][0-9]?"
                        + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                        + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.MERGE, MERGE_KEY, "<");
            addImplicitResolver(Tag.NULL, NULL_VALUE, "~nN\0");
            addImplicitResolver(Tag.NULL, NULL_VALUE, null);
            addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP_VALUE, "0123456789");
        }
    }

    /** {@code SafeConstructor} with timestamps kept as text. */
    private static final class PyConstructor extends SafeConstructor {

        PyConstructor(LoaderOptions options) {
            super(options);
            this.yamlConstructors.put(Tag.TIMESTAMP, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return new YamlTimestamp(((ScalarNode) node).getValue());
                }
            });
        }
    }

    /** Representers that leave the scalar style to the emitter, as PyYAML's {@code represent_str} does. */
    private static final class PyRepresenter extends Representer {

        PyRepresenter(DumperOptions options) {
            super(options);
            this.representers.put(String.class,
                    data -> representScalar(Tag.STR, (String) data, DumperOptions.ScalarStyle.PLAIN));
            this.representers.put(Double.class, data -> representScalar(Tag.FLOAT, pyYamlFloat((Double) data)));
            this.representers.put(Float.class,
                    data -> representScalar(Tag.FLOAT, pyYamlFloat(((Float) data).doubleValue())));
            this.representers.put(BigInteger.class, data -> representScalar(Tag.INT, data.toString()));
            this.representers.put(YamlTimestamp.class,
                    data -> representScalar(Tag.TIMESTAMP, ((YamlTimestamp) data).text()));
        }
    }
}
