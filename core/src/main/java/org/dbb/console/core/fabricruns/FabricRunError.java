package org.dbb.console.core.fabricruns;

import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.fabric.http.ServiceError;
import org.dbb.console.core.fabric.jobs.ActivityRunError;

/**
 * Why a Fabric run or one of its activities failed, as Fabric reported it. Immutable; thread-safe.
 *
 * @param errorCode the error code, the stable part to act on
 * @param message   the message, for people
 * @param requestId the request id Fabric logged the failure under; job instances give one, activity runs do not
 */
public record FabricRunError(String errorCode, String message, Optional<String> requestId) {

    public FabricRunError {
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(requestId, "requestId");
    }

    static FabricRunError of(ServiceError error) {
        return new FabricRunError(error.errorCode(), error.message(), error.requestId());
    }

    static FabricRunError of(ActivityRunError error) {
        return new FabricRunError(error.errorCode(), error.message(), Optional.empty());
    }
}
