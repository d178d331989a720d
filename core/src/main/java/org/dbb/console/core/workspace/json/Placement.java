package org.dbb.console.core.workspace.json;

import java.util.List;

/**
 * Where a new member goes inside an existing object: just before the first (in text order) of some named members,
 * or after the last member when none of them is present. Key order has no meaning in JSON, but keeping Fabric's
 * usual order makes diffs read naturally. Immutable.
 *
 * @param beforeAnyOf member names to insert in front of; empty means "at the end"
 */
public record Placement(List<String> beforeAnyOf) {

    public Placement {
        beforeAnyOf = List.copyOf(beforeAnyOf);
    }

    /** After the object's last member. */
    public static Placement atEnd() {
        return new Placement(List.of());
    }

    /** Before whichever of {@code names} comes first in the object; at the end when none is there. */
    public static Placement beforeFirstOf(String... names) {
        return new Placement(List.of(names));
    }
}
