package org.dbb.console.core.workspace.params.edit;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a replace value typed on the command line as a YAML flow value. Stateless and thread-safe. */
public final class CommandLineValue {

    private CommandLineValue() {
    }

    /**
     * The value {@code text} stands for in YAML 1.1: {@code true} → Boolean, {@code 42} → Integer,
     * {@code 1.5} → Double, {@code [a, b]} → List, {@code {type: Capacity, name: P}} → Map, {@code "x"} or
     * {@code x} → String.
     *
     * @param parameterFile the file the value is meant for, named in the problem report
     * @throws InvalidInputException when the text is empty, null, not YAML, or a date or binary value
     */
    public static Object parse(Path parameterFile, String text) {
        Object value;
        try {
            value = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new InvalidInputException(Problem.error(parameterFile, 0, 0, "cannot read the value " + text
                    + " as YAML (" + firstLine(e.getMessage()) + "); put it in double quotes to pass it as text"));
        }
        if (value == null) {
            throw new InvalidInputException(Problem.error(parameterFile, 0, 0, "the value " + describe(text)
                    + " is empty or null, which fabric-cicd does not accept; pass \"\" quoted if you mean text"));
        }
        String unsupported = unsupportedPart(value);
        if (unsupported != null) {
            throw new InvalidInputException(Problem.error(parameterFile, 0, 0, "the value " + describe(text)
                    + " contains " + unsupported + ", which JSON cannot hold; put it in double quotes to pass it "
                    + "as text"));
        }
        return value;
    }

    private static String unsupportedPart(Object value) {
        if (value instanceof List<?> list) {
            for (Object item : list) {
                String inner = item == null ? null : unsupportedPart(item);
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    return "the non-text key " + e.getKey();
                }
                String inner = e.getValue() == null ? null : unsupportedPart(e.getValue());
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        boolean supported = value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigInteger || value instanceof Double;
        return supported ? null : "a " + value.getClass().getSimpleName() + " value";
    }

    private static String describe(String text) {
        return "'" + text + "'";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int lf = message.indexOf('\n');
        return (lf < 0 ? message : message.substring(0, lf)).trim();
    }
}
