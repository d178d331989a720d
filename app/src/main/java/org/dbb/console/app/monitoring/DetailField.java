package org.dbb.console.app.monitoring;

import java.util.Objects;

/**
 * One column of the selected monitoring row as the detail pane shows it. Immutable.
 *
 * @param name  the column's label, e.g. {@code Job instance id}
 * @param value its value as text; empty when the row has none
 */
public record DetailField(String name, String value) {

    public DetailField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
