package org.dbb.console.app.params.coverage;

import java.util.List;
import java.util.Objects;

/**
 * The GUIDs listed for one item file. Immutable.
 *
 * @param relativePath the file relative to the repository directory
 * @param itemLabel    its item, e.g. {@code Notebook 'nb_load'}
 * @param rows         the GUIDs, in file order
 */
public record CoverageFileGroup(String relativePath, String itemLabel, List<CoverageRow> rows) {

    public CoverageFileGroup {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(itemLabel, "itemLabel");
        rows = List.copyOf(rows);
    }
}
