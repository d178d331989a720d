package org.dbb.console.core.fabric;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.dbb.console.core.fabric.http.ApiCall;
import org.dbb.console.core.fabric.http.ApiRequest;
import org.dbb.console.core.fabric.http.ApiResponse;
import org.dbb.console.core.fabric.http.ApiTransport;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabric.http.Futures;
import org.dbb.console.core.fabric.http.Service;
import org.dbb.console.core.fabric.http.ServiceError;

/**
 * Completes Fabric long-running operations: a 202 with {@code x-ms-operation-id} is polled at
 * {@code /v1/operations/{id}} (built here, since {@code Location} may lack {@code /v1}), waiting {@code Retry-After}
 * between checks on the transport's scheduler, until Succeeded or Failed; then the result is fetched from
 * {@code /result} when the caller wants it. Thread-safe.
 */
final class LongRunningOperations {

    static final ApiCall GET_STATE = ApiCall.get(Service.FABRIC, "/v1/operations/{operationId}");
    static final ApiCall GET_RESULT = ApiCall.get(Service.FABRIC, "/v1/operations/{operationId}/result");

    private final ApiTransport transport;
    private final Polling polling;

    LongRunningOperations(ApiTransport transport, Polling polling) {
        this.transport = transport;
        this.polling = polling;
    }

    /**
     * The final response of an operation started by {@code first}: {@code first} itself when it is not a 202,
     * else the {@code /result} response (when {@code fetchResult}) or {@code first} once the operation succeeded.
     */
    CompletableFuture<ApiResponse> complete(ApiResponse first, boolean fetchResult) {
        if (first.status() != 202) {
            return CompletableFuture.completedFuture(first);
        }
        ApiCall started = first.call();
        String operationId = first.header("x-ms-operation-id")
                .or(() -> first.header("Location").flatMap(LongRunningOperations::operationIdFromLocation))
                .orElseThrow(() -> FabricApiException.outcomeUnknown(started, "OperationIdMissing",
                        "Fabric accepted the request (202) without naming the operation", first.requestId()));
        CompletableFuture<OperationState> finished = new CompletableFuture<>();
        Instant deadline = transport.clock().instant().plus(polling.timeout());
        schedule(started, operationId, polling.next(first.retryAfter()), deadline, 1, "accepted", finished);
        return finished.thenCompose(state -> {
            if (state.status() == OperationStatus.FAILED) {
                ServiceError error = state.error().orElse(ServiceError.of("OperationFailed", "no error details"));
                return CompletableFuture.failedFuture(FabricApiException.of(started, 0, new ServiceError(
                        error.errorCode(), "long-running operation " + operationId + " failed: " + error.message(),
                        error.requestId(), error.moreDetails())));
            }
            if (!fetchResult) {
                return CompletableFuture.completedFuture(first);
            }
            return transport.executeAsync(ApiRequest.to(GET_RESULT,
                    transport.url(Service.FABRIC, "v1", "operations", operationId, "result").build()));
        });
    }

    private void schedule(ApiCall started, String operationId, Duration delay, Instant deadline, int checks,
            String lastState, CompletableFuture<OperationState> finished) {
        transport.report(transport.operationWait(started, operationId, lastState, checks, delay));
        ScheduledFuture<?> next = transport.scheduler().schedule(
                () -> check(started, operationId, deadline, checks, finished), delay.toMillis(), TimeUnit.MILLISECONDS);
        finished.whenComplete((state, error) -> next.cancel(false));
    }

    private void check(ApiCall started, String operationId, Instant deadline, int checks,
            CompletableFuture<OperationState> finished) {
        if (finished.isDone()) {
            return;
        }
        ApiRequest request = ApiRequest.to(GET_STATE,
                transport.url(Service.FABRIC, "v1", "operations", operationId).build());
        transport.executeAsync(request).whenComplete((response, error) -> {
            if (error != null) {
                finished.completeExceptionally(Futures.unwrap(error));
                return;
            }
            try {
                OperationState state = transport.json().toDomain(response, () -> transport.json()
                        .read(response, FabricDtos.OperationStateDto.class)
                        .toDomain(transport.json(), operationId, response.retryAfter()));
                if (state.status().isTerminal()) {
                    finished.complete(state);
                } else if (transport.clock().instant().isAfter(deadline)) {
                    finished.completeExceptionally(FabricApiException.of(started, "OperationTimedOut",
                            "long-running operation " + operationId + " is still " + state.describe() + " after "
                                    + polling.timeout().toMinutes() + " min; check it in Fabric"));
                } else {
                    schedule(started, operationId, polling.next(state.retryAfter()), deadline, checks + 1,
                            state.describe(), finished);
                }
            } catch (RuntimeException e) {
                finished.completeExceptionally(e);
            }
        });
    }

    /** The id in {@code .../operations/{id}} or {@code .../operations/{id}/result}, with or without {@code /v1}. */
    static Optional<String> operationIdFromLocation(String location) {
        String[] segments = Locations.segments(location);
        for (int i = segments.length - 2; i >= 0; i--) {
            if (segments[i].equalsIgnoreCase("operations")) {
                return Optional.of(segments[i + 1]);
            }
        }
        return Optional.empty();
    }
}
