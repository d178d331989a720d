package org.dbb.console.app.params;

import java.util.Objects;

/**
 * One cell of the matrix as the view shows it. Immutable.
 *
 * @param environment the environment key the cell edits ({@code _ALL_} for a spanning cell)
 * @param text        the value as the operator types it; empty when missing
 * @param type        the value's type as fabric-cicd sees it ({@code str}, {@code bool}, …); empty when missing
 * @param state       saved, pending, missing or read-only
 */
public record MatrixCellView(String environment, String text, String type, CellState state) {

    public MatrixCellView {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
    }
}
