package org.dbb.console.app.params;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the matrix as the view shows it: what it targets, where it is written, and its cells. Immutable.
 *
 * @param key      how edits address it (numbers of template entries count within their template)
 * @param label    what it targets: find value, JSONPath, pool id or model names
 * @param detail   regex, ignore-case and filters, or empty
 * @param source   where it is written, relative to the repository directory, with its line ({@code parameter.yml:12})
 * @param template whether it comes from an {@code extend} template, and so is shown read-only
 * @param editable whether its cells can be edited here
 * @param all      the one value for every environment when the entry uses {@code _ALL_}
 * @param cells    one cell per environment column, in column order, when it does not use {@code _ALL_}
 */
public record EntryRow(EntryKey key, String label, String detail, String source, boolean template, boolean editable,
                       Optional<MatrixCellView> all, List<MatrixCellView> cells) {

    public EntryRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(all, "all");
        cells = List.copyOf(cells);
    }

    /** The cell of one environment column; the spanning cell when the entry uses {@code _ALL_}. */
    public Optional<MatrixCellView> cell(String environment) {
        if (all.isPresent()) {
            return all;
        }
        return cells.stream().filter(c -> c.environment().equals(environment)).findFirst();
    }
}
