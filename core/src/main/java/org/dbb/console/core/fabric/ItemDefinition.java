package org.dbb.console.core.fabric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An item's definition: its files, as Fabric Git integration stores them. Immutable.
 *
 * @param format the definition format, when the item type has several (e.g. {@code ipynb} for notebooks)
 * @param parts  the files, in the order Fabric listed them
 */
public record ItemDefinition(Optional<String> format, List<DefinitionPart> parts) {

    public ItemDefinition {
        Objects.requireNonNull(format, "format");
        parts = List.copyOf(parts);
        LinkedHashMap<String, DefinitionPart> seen = new LinkedHashMap<>();
        for (DefinitionPart part : parts) {
            if (seen.put(part.path(), part) != null) {
                throw new IllegalArgumentException("duplicate definition part " + part.path());
            }
        }
    }

    public static ItemDefinition of(List<DefinitionPart> parts) {
        return new ItemDefinition(Optional.empty(), parts);
    }

    /** The part at {@code path}, e.g. {@code pipeline-content.json}. */
    public Optional<DefinitionPart> part(String path) {
        return parts.stream().filter(p -> p.path().equals(path)).findFirst();
    }
}
