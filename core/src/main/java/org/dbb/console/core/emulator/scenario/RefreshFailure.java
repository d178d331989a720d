package org.dbb.console.core.emulator.scenario;

import java.util.Objects;

/**
 * How a scripted refresh failure looks, in the Analysis Services engine's terms. Immutable.
 *
 * @param engineCode the engine message code, a hex string such as {@code 0xC11C0020}
 * @param errorCode  the error code put into {@code serviceExceptionJson}
 * @param message    the engine message
 */
public record RefreshFailure(String engineCode, String errorCode, String message) {

    /** An eviction under memory pressure: the transient failure Power BI documents as "rerun it". */
    public static final RefreshFailure DEFAULT = new RefreshFailure("0xC11C0020",
            "ModelRefresh_ShortMessage_ProcessingError",
            "The database was evicted and the operation cancelled to load balance the CPU load on the node. "
                    + "Please try again later.");

    public RefreshFailure {
        Objects.requireNonNull(engineCode, "engineCode");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(message, "message");
    }
}
