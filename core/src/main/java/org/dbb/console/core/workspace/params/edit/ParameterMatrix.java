package org.dbb.console.core.workspace.params.edit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.dbb.console.core.problem.Problem;

/**
 * A parameter.yml seen as entries × environments: the rows of find_replace, key_value_replace, spark_pool and
 * semantic_model_binding (main file first, then the {@code extend} templates' entries, read-only) and the
 * environment columns they use. Immutable.
 *
 * @param file         the main parameter file
 * @param environments every environment key used, in order of first use, without {@code _ALL_}
 * @param rows         the entries in file order
 * @param notes        why parts of the file (such as a template) could not be shown
 */
public record ParameterMatrix(Path file, List<String> environments, List<MatrixRow> rows, List<Problem> notes) {

    public ParameterMatrix {
        Objects.requireNonNull(file, "file");
        environments = List.copyOf(environments);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }
}
