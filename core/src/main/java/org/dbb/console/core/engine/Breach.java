package org.dbb.console.core.engine;

import java.util.Optional;

/**
 * One threshold breach a monitoring notebook reported in its exit value ({@code {"breaches": [...]}}); each field
 * is the JSON value as text, when the entry had it. Immutable.
 *
 * @param table    the table checked
 * @param check    what was measured ({@code metric} or {@code check})
 * @param actual   the measured value ({@code value} or {@code actual})
 * @param expected the limit ({@code threshold} or {@code expected})
 */
public record Breach(Optional<String> table, Optional<String> check, Optional<String> actual,
                     Optional<String> expected) {

    /** One line for a monitoring row, e.g. {@code fct_sales: row_delta = 31.4 (threshold 25)}. */
    public String describe() {
        StringBuilder text = new StringBuilder(table.orElse("(no table)")).append(": ");
        text.append(check.orElse("value")).append(" = ").append(actual.orElse("?"));
        expected.ifPresent(e -> text.append(" (threshold ").append(e).append(')'));
        return text.toString();
    }
}
