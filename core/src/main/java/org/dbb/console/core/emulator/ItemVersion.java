package org.dbb.console.core.emulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An item's name and definition from a moment on: the seeded files, or what an {@code updateDefinition} replaced
 * them with once its operation succeeded. Immutable by convention (part arrays are never modified).
 *
 * @param effectiveFrom when this version became current
 * @param displayName   the item name
 * @param description   the item description (may be empty)
 * @param parts         definition parts by path ({@code /}-separated, relative to the item folder)
 */
record ItemVersion(Instant effectiveFrom, String displayName, String description, Map<String, byte[]> parts) {

    ItemVersion {
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    Optional<byte[]> part(String path) {
        return Optional.ofNullable(parts.get(path));
    }
}
