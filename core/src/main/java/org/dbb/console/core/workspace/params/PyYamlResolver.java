package org.dbb.console.core.workspace.params;

import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves the type of unquoted scalars with PyYAML's YAML 1.1 rules rather than SnakeYAML's (they differ:
 * PyYAML reads {@code 1e10} and {@code 0o17} as strings and {@code =} as the unconstructible value tag). Each
 * instance is used by one load at a time; not thread-safe.
 */
final class PyYamlResolver extends Resolver {

    static final Tag VALUE = new Tag("tag:yaml.org,2002:value");

    private static final Pattern PY_BOOL = Pattern.compile(
            "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
    private static final Pattern PY_FLOAT = Pattern.compile(
            "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[-+]?\\.(?:inf|Inf|INF)"
                    + "|\\.(?:nan|NaN|NAN))$");
    private static final Pattern PY_INT = Pattern.compile(
            "^(?:[-+]?0b[0-1_]+"
                    + "|[-+]?0[0-7_]+"
                    + "|[-+]?(?:0|[1-9][0-9_]*)"
                    + "|[-+]?0x[0-9a-fA-F_]+"
                    + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
    private static final Pattern PY_MERGE = Pattern.compile("^(?:<<)$");
    private static final Pattern PY_NULL = Pattern.compile("^(?:~|null|Null|NULL|)$");
    private static final Pattern PY_TIMESTAMP = Pattern.compile(
            "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                    + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
                    + "(?:[Tt]|[ \\t]+)[0-9][0-9]?"
                    + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
                    + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");
    private static final Pattern PY_VALUE = Pattern.compile("^(?:=)$");

    @Override
    protected void addImplicitResolvers() {
        // Registration order matters: PyYAML tries resolvers for a first character in this order.
        addImplicitResolver(Tag.BOOL, PY_BOOL, "yYnNtTfFoO");
        addImplicitResolver(Tag.FLOAT, PY_FLOAT, "-+0123456789.");
        addImplicitResolver(Tag.INT, PY_INT, "-+0123456789");
        addImplicitResolver(Tag.MERGE, PY_MERGE, "<");
        addImplicitResolver(Tag.NULL, PY_NULL, "~nN\0");
        addImplicitResolver(Tag.TIMESTAMP, PY_TIMESTAMP, "0123456789");
        addImplicitResolver(VALUE, PY_VALUE, "=");
    }
}
