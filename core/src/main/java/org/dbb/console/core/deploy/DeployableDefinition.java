package org.dbb.console.core.deploy;

import java.util.List;
import java.util.Objects;

import org.dbb.console.core.fabric.ItemDefinition;
import org.dbb.console.core.workspace.Item;
import org.dbb.console.core.workspace.params.resolve.AppliedReplacement;

/**
 * An item's files as a deployment would publish them to one environment: {@code parameter.yml} applied, same-
 * workspace identifiers replaced. Immutable.
 *
 * @param item         the repository item
 * @param environment  the target environment
 * @param definition   the parts to send, paths relative to the item folder
 * @param replacements what parameterisation replaced, in the order applied, over every part
 */
public record DeployableDefinition(Item item, String environment, ItemDefinition definition,
                                   List<AppliedReplacement> replacements) {

    public DeployableDefinition {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(definition, "definition");
        replacements = List.copyOf(replacements);
    }

    /** One line per replacement for the operator, e.g. {@code find_replace 4: 3 × "l5cm…" → "wh-gold.sql…"}. */
    public List<String> replacementLines() {
        return replacements.stream().map(r -> r.label() + ": " + r.occurrences() + " × \"" + shorten(r.find())
                + "\" → \"" + shorten(r.replacement()) + "\"").toList();
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }
}
