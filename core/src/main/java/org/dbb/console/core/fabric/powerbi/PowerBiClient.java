package org.dbb.console.core.fabric.powerbi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import okhttp3.HttpUrl;

import org.dbb.console.core.fabric.Polling;
import org.dbb.console.core.fabric.http.ApiCall;
import org.dbb.console.core.fabric.http.ApiRequest;
import org.dbb.console.core.fabric.http.ApiResponse;
import org.dbb.console.core.fabric.http.ApiTransport;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.fabric.http.Futures;
import org.dbb.console.core.fabric.http.JsonCodec;
import org.dbb.console.core.fabric.http.Service;
import org.dbb.console.core.fabric.http.StatusPoller;
import org.dbb.console.core.fabric.http.WaitCause;
import org.dbb.console.core.fabric.http.WaitListener;
import org.dbb.console.core.fabric.http.Waiting;

/**
 * The Power BI refresh API for semantic models: start an enhanced refresh, read its progress and the model's
 * history, cancel it. A Fabric workspace id is the Power BI group id and a semantic model's item id is its dataset
 * id. Thread-safe; blocking methods must run on a background thread, {@code …Async} methods never block the caller.
 */
public final class PowerBiClient {

    static final ApiCall TRIGGER = ApiCall.post(Service.POWER_BI,
            "/v1.0/myorg/groups/{groupId}/datasets/{datasetId}/refreshes");
    static final ApiCall GET_REFRESH = ApiCall.get(Service.POWER_BI,
            "/v1.0/myorg/groups/{groupId}/datasets/{datasetId}/refreshes/{refreshId}");
    static final ApiCall HISTORY = ApiCall.get(Service.POWER_BI,
            "/v1.0/myorg/groups/{groupId}/datasets/{datasetId}/refreshes?$top={top}");
    static final ApiCall CANCEL = ApiCall.delete(Service.POWER_BI,
            "/v1.0/myorg/groups/{groupId}/datasets/{datasetId}/refreshes/{refreshId}");

    private final ApiTransport transport;
    private final Polling polling;

    /** A client polling refreshes with {@link Polling#DEFAULTS}. */
    public PowerBiClient(ApiTransport transport) {
        this(transport, Polling.DEFAULTS);
    }

    public PowerBiClient(ApiTransport transport, Polling polling) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.polling = Objects.requireNonNull(polling, "polling");
    }

    /** How this client polls refreshes; callers that re-check a busy model use the same pacing. */
    public Polling polling() {
        return polling;
    }

    /** This client reporting waits (throttling, outages, refresh polls) to {@code listener}. */
    public PowerBiClient withWaitListener(WaitListener listener) {
        return new PowerBiClient(transport.withWaitListener(listener), polling);
    }

    public RefreshStart triggerRefresh(String groupId, String datasetId, RefreshRequest request) {
        return Futures.join(triggerRefreshAsync(groupId, datasetId, request));
    }

    /**
     * Starts an enhanced refresh. A model that is already refreshing answers {@link RefreshStart.Busy}; any other
     * refusal fails the future with a {@link FabricApiException}.
     */
    public CompletableFuture<RefreshStart> triggerRefreshAsync(String groupId, String datasetId,
            RefreshRequest request) {
        ApiRequest post = ApiRequest.to(TRIGGER, refreshes(groupId, datasetId).build())
                .withJsonBody(transport.json().write(PowerBiDtos.RefreshRequestDto.of(request)));
        return transport.executeAsync(post).handle((response, error) -> {
            if (error == null) {
                return new RefreshStart.Started(refreshRef(response, groupId, datasetId));
            }
            Throwable cause = Futures.unwrap(error);
            if (cause instanceof FabricApiException e && isBusy(e)) {
                return new RefreshStart.Busy(groupId, datasetId, e.serviceMessage(), e.requestId());
            }
            throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
        });
    }

    public RefreshDetail getRefresh(String groupId, String datasetId, String refreshId) {
        return Futures.join(getRefreshAsync(groupId, datasetId, refreshId));
    }

    /** The refresh's progress: Power BI answers 202 while it runs and 200 once it has finished. */
    public CompletableFuture<RefreshDetail> getRefreshAsync(String groupId, String datasetId, String refreshId) {
        ApiRequest get = ApiRequest.to(GET_REFRESH, refreshes(groupId, datasetId).addPathSegment(refreshId).build());
        return transport.executeAsync(get).thenApply(response -> json().toDomain(response,
                () -> json().read(response, PowerBiDtos.RefreshDetailDto.class)
                        .toDomain(refreshId, response.retryAfter())));
    }

    /**
     * Polls the refresh until its {@code extendedStatus} is final (Completed, Failed, TimedOut, Cancelled or
     * Disabled) and returns the last detail read. Waits {@code Retry-After} when Power BI sends one, else the
     * client's default interval, never less than {@link Polling#minInterval()}; each wait is reported as
     * {@link WaitCause#REFRESH_RUNNING}.
     */
    public RefreshDetail awaitRefresh(RefreshRef refresh) {
        return Futures.join(awaitRefreshAsync(refresh));
    }

    /**
     * {@link #awaitRefresh} without blocking: checks run on the transport's scheduler. There is no deadline (a
     * model may take hours and Power BI enforces the refresh's own timeout); cancel the future to stop polling,
     * which leaves the refresh running.
     */
    public CompletableFuture<RefreshDetail> awaitRefreshAsync(RefreshRef refresh) {
        String subject = "Power BI refresh " + refresh.refreshId() + " of dataset " + refresh.datasetId();
        Waiting first = transport.pollWait(GET_REFRESH, WaitCause.REFRESH_RUNNING, subject, "accepted", 0,
                refresh.retryAfter(), polling.next(refresh.retryAfter()));
        return StatusPoller.poll(transport, first,
                () -> getRefreshAsync(refresh.groupId(), refresh.datasetId(), refresh.refreshId()),
                RefreshDetail::isTerminal,
                (detail, checks) -> transport.pollWait(GET_REFRESH, WaitCause.REFRESH_RUNNING, subject,
                        "is " + (detail.extendedStatusText().isBlank() ? detail.state().wireName()
                                : detail.extendedStatusText()), checks, detail.retryAfter(),
                        polling.next(detail.retryAfter())));
    }

    /** The latest {@code top} refreshes of the model, newest first, including ones the console did not start. */
    public List<RefreshHistoryEntry> refreshHistory(String groupId, String datasetId, int top) {
        return Futures.join(refreshHistoryAsync(groupId, datasetId, top));
    }

    /** {@link #refreshHistory} without blocking the caller. */
    public CompletableFuture<List<RefreshHistoryEntry>> refreshHistoryAsync(String groupId, String datasetId,
            int top) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1");
        }
        // Power BI's OData option is spelled with a literal '$'
        HttpUrl url = refreshes(groupId, datasetId).addEncodedQueryParameter("$top", Integer.toString(top)).build();
        return transport.executeAsync(ApiRequest.to(HISTORY, url)).thenApply(response -> json().toDomain(response,
                () -> {
                    PowerBiDtos.HistoryDto history = json().read(response, PowerBiDtos.HistoryDto.class);
                    return history.value() == null ? List.<RefreshHistoryEntry>of()
                            : history.value().stream().map(PowerBiDtos.HistoryEntryDto::toDomain).toList();
                }));
    }

    public void cancelRefresh(String groupId, String datasetId, String refreshId) {
        Futures.join(cancelRefreshAsync(groupId, datasetId, refreshId));
    }

    /** Cancels an enhanced refresh; scheduled and portal refreshes cannot be cancelled this way. */
    public CompletableFuture<Void> cancelRefreshAsync(String groupId, String datasetId, String refreshId) {
        ApiRequest delete = ApiRequest.to(CANCEL, refreshes(groupId, datasetId).addPathSegment(refreshId).build());
        return transport.executeAsync(delete).thenApply(response -> null);
    }

    private JsonCodec json() {
        return transport.json();
    }

    private HttpUrl.Builder refreshes(String groupId, String datasetId) {
        return transport.url(Service.POWER_BI, "v1.0", "myorg", "groups", groupId, "datasets", datasetId,
                "refreshes");
    }

    /**
     * The refresh id: the last segment of {@code Location} (the refresh's own URL), else {@code x-ms-request-id};
     * Power BI sends both for an enhanced refresh and they agree.
     */
    private static RefreshRef refreshRef(ApiResponse response, String groupId, String datasetId) {
        Optional<String> fromLocation = response.header("Location").flatMap(PowerBiClient::lastSegmentAfterRefreshes);
        String refreshId = fromLocation.or(() -> response.header("x-ms-request-id"))
                .orElseThrow(() -> FabricApiException.outcomeUnknown(TRIGGER, "RefreshIdMissing",
                        "Power BI accepted the refresh but named no refresh id; find it in the refresh history",
                        response.requestId()));
        return new RefreshRef(groupId, datasetId, refreshId, response.retryAfter());
    }

    private static Optional<String> lastSegmentAfterRefreshes(String location) {
        String path = location.split("[?#]", 2)[0];
        String[] segments = path.split("/");
        int n = segments.length;
        if (n >= 2 && segments[n - 2].equalsIgnoreCase("refreshes") && !segments[n - 1].isBlank()) {
            return Optional.of(segments[n - 1]);
        }
        return Optional.empty();
    }

    /**
     * Power BI runs one refresh per model; a second request gets 400 "Another refresh request is already
     * executing". Only the message tells this 400 apart, so the match is deliberately loose.
     */
    private static boolean isBusy(FabricApiException e) {
        String message = e.serviceMessage().toLowerCase(Locale.ROOT);
        return (e.status() == 400 || e.status() == 409)
                && (message.contains("already executing") || message.contains("another refresh"));
    }
}
