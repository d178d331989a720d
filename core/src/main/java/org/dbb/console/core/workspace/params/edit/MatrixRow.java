package org.dbb.console.core.workspace.params.edit;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.workspace.params.ParameterKind;

/**
 * One entry of a {@link ParameterMatrix}: what it replaces and its value per environment. Immutable.
 *
 * @param kind      the parameter it belongs to
 * @param number    1-based number within its parameter in its own file, as the editor's edits address it; for
 *                  {@code semantic_model_binding}, 0 is the {@code default} connection and N the N-th
 *                  {@code models} entry
 * @param label     what the entry targets: the find value, the JSONPath, the pool id, or the model names
 * @param detail    how it targets it: regex and ignore-case flags and the item filters, empty when none
 * @param source    the file the entry is written in: the main file or an {@code extend} template
 * @param line      the 1-based line the entry starts on
 * @param template  whether it comes from an {@code extend} template (the matrix does not edit templates)
 * @param hasMap    whether the entry has an environment mapping to edit at all
 * @param cells     the environment values in file order
 */
public record MatrixRow(ParameterKind kind, int number, String label, String detail, Path source, int line,
                        boolean template, boolean hasMap, List<MatrixCell> cells) {

    public MatrixRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(source, "source");
        cells = List.copyOf(cells);
    }

    /** The cell of exactly this environment key (case-sensitive, as fabric-cicd compares). */
    public Optional<MatrixCell> cell(String environment) {
        return cells.stream().filter(c -> c.environment().equals(environment)).findFirst();
    }

    /** The {@code _ALL_} cell, when the entry applies one value to every environment. */
    public Optional<MatrixCell> allCell() {
        return cells.stream().filter(MatrixCell::isAll).findFirst();
    }

    /** Whether the entry uses {@code _ALL_}. */
    public boolean usesAll() {
        return allCell().isPresent();
    }

    /** Whether the matrix may change this entry's values (written in the main file, with a mapping). */
    public boolean editable() {
        return !template && hasMap;
    }
}
