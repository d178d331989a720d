package org.dbb.console.core.fabric.powerbi;

import java.util.Objects;

/**
 * An engine message of a refresh, e.g. code {@code 0xC11C0020} (model evicted from memory; rerun it). Immutable.
 *
 * @param code    the engine's code, a hex string
 * @param message the text
 * @param type    {@code Error} or {@code Warning}, as Power BI sent it
 */
public record RefreshMessage(String code, String message, String type) {

    public RefreshMessage {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(type, "type");
    }

    public boolean isError() {
        return type.equalsIgnoreCase("Error");
    }
}
