package org.dbb.console.app.timeline;

import java.util.Objects;

/**
 * One line of the step detail's summary, e.g. {@code Started · 2026-11-27 09:04:50 GMT}. Immutable.
 *
 * @param name  what the value is
 * @param value the value, as operators read it
 */
public record DetailFact(String name, String value) {

    public DetailFact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
