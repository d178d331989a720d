package org.dbb.console.core.workspace.params.edit;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.params.ParameterKind;

/**
 * The parameters whose entries carry a per-environment {@code replace_value} and can be edited by entry number.
 * {@link ParameterKind#SEMANTIC_MODEL_BINDING} is not among them. Stateless and thread-safe.
 */
final class EditableKinds {

    /** find_replace, key_value_replace and spark_pool, in that order. */
    static final List<ParameterKind> ALL =
            List.of(ParameterKind.FIND_REPLACE, ParameterKind.KEY_VALUE_REPLACE, ParameterKind.SPARK_POOL);

    private EditableKinds() {
    }

    static boolean isEditable(ParameterKind kind) {
        return ALL.contains(kind);
    }

    /** The message refusing an edit by entry number of a kind that is not editable. */
    static String notEditable(ParameterKind kind) {
        return "editing " + kind.key() + " entries is not supported; only " + known() + " entries can be edited";
    }

    /**
     * The editable kind named by its parameter.yml key, as a user types it on the command line.
     *
     * @param file the parameter file the name refers to, for the problem report
     * @throws InvalidInputException when the name is not one of the editable kinds
     */
    static ParameterKind fromKey(String name, Path file) {
        ParameterKind kind = ParameterKind.ofKey(name).orElse(null);
        if (kind != null && isEditable(kind)) {
            return kind;
        }
        String message = kind != null ? notEditable(kind) + "; use one of " + known()
                : "unknown parameter kind '" + name + "'; use one of " + known();
        throw new InvalidInputException(Problem.error(file, 0, 0, message));
    }

    private static String known() {
        return ALL.stream().map(ParameterKind::key).collect(Collectors.joining(", "));
    }
}
