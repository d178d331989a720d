package org.dbb.console.core.timeline;

import java.util.Optional;

import org.dbb.console.core.engine.StepKey;

/** What a new row runs, as far as its source knows before anything happens. Implementations are immutable. */
interface RowTypes {

    /** Knows nothing: rows start with type {@code ""} and no item. */
    RowTypes UNKNOWN = key -> Described.UNKNOWN;

    Described describe(StepKey key);

    /**
     * A row's activity type ({@code ""} when unknown), the item it runs, and its place among its siblings in the
     * source's order (-1 when the source gives none). Immutable.
     */
    record Described(String type, Optional<String> itemId, int position) {

        static final Described UNKNOWN = new Described("", Optional.empty(), -1);

        Described at(int index) {
            return new Described(type, itemId, index);
        }
    }
}
