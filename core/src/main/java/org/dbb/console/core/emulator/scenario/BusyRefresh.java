package org.dbb.console.core.emulator.scenario;

/**
 * A refresh of a model started outside the API (its schedule): it keeps the model busy, appears in the refresh
 * history as {@code Scheduled}, and cannot be read or cancelled by id. Immutable.
 *
 * @param startAfterSeconds when it starts, counted from the emulator's start (0: already running)
 * @param seconds           how long it runs
 */
public record BusyRefresh(double startAfterSeconds, double seconds) {

    public BusyRefresh {
        if (startAfterSeconds < 0 || seconds <= 0) {
            throw new IllegalArgumentException("a busy refresh needs startAfterSeconds >= 0 and seconds > 0");
        }
    }
}
