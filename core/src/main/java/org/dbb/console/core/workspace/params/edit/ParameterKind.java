package org.dbb.console.core.workspace.params.edit;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;

/** A top-level parameter of parameter.yml whose entries carry a per-environment {@code replace_value}. Immutable. */
public enum ParameterKind {
    FIND_REPLACE("find_replace"),
    KEY_VALUE_REPLACE("key_value_replace"),
    SPARK_POOL("spark_pool");

    private final String yamlKey;

    ParameterKind(String yamlKey) {
        this.yamlKey = yamlKey;
    }

    /** The top-level key in parameter.yml, e.g. {@code find_replace}. */
    public String yamlKey() {
        return yamlKey;
    }

    /**
     * The kind named by its parameter.yml key, as a user types it on the command line.
     *
     * @param file the parameter file the name refers to, for the problem report
     * @throws InvalidInputException when the name is not one of the three kinds
     */
    public static ParameterKind fromYamlKey(String name, Path file) {
        for (ParameterKind kind : values()) {
            if (kind.yamlKey.equals(name)) {
                return kind;
            }
        }
        String known = Arrays.stream(values()).map(ParameterKind::yamlKey).collect(Collectors.joining(", "));
        throw new InvalidInputException(Problem.error(file, 0, 0,
                "unknown parameter kind '" + name + "'; use one of " + known));
    }

    @Override
    public String toString() {
        return yamlKey;
    }
}
