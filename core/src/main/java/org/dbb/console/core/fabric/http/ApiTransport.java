package org.dbb.console.core.fabric.http;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.event.ExecutionScheduledEvent;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.core.auth.AccessTokens;
import org.dbb.console.core.auth.SignInException;
import org.dbb.console.core.auth.TokenScope;

/**
 * Sends requests to Fabric, Power BI and Azure DevOps for one environment: bearer token per service, one token
 * refresh on 401 (and on Power BI's 403 {@code TokenExpired}), Failsafe retries of throttling (429, 430), outages
 * (5xx) and dropped connections within a {@link RetryBudget}, every wait reported to the {@link WaitListener}.
 * Thread-safe; the sync methods block the calling thread (never call them on the UI thread), the async ones run
 * attempts and waits on the injected scheduler.
 */
public final class ApiTransport {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTransport.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final String environment;
    private final ServiceEndpoints endpoints;
    private final RetryBudget budget;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final WaitListener waitListener;
    private final WaitReasons reasons;
    private final JsonCodec json;

    private ApiTransport(OkHttpClient http, String environment, ServiceEndpoints endpoints, RetryBudget budget,
            ScheduledExecutorService scheduler, Clock clock, WaitListener waitListener, JsonCodec json) {
        this.http = http;
        this.environment = environment;
        this.endpoints = endpoints;
        this.budget = budget;
        this.scheduler = scheduler;
        this.clock = clock;
        this.waitListener = waitListener;
        this.reasons = new WaitReasons(clock);
        this.json = json;
    }

    /**
     * Starts a transport over the console's shared client. The transport derives its own variant (auth, logging,
     * no silent OkHttp retries) with {@link OkHttpClient#newBuilder()}, so connections stay pooled.
     */
    public static Builder builder(OkHttpClient shared, AccessTokens tokens, ScheduledExecutorService scheduler) {
        return new Builder(shared, tokens, scheduler);
    }

    /** This transport reporting waits to {@code listener} instead; everything else is shared. */
    public ApiTransport withWaitListener(WaitListener listener) {
        return new ApiTransport(http, environment, endpoints, budget, scheduler, clock,
                Objects.requireNonNull(listener, "listener"), json);
    }

    /** This transport with another retry budget, e.g. none for a call the engine retries itself. */
    public ApiTransport withRetryBudget(RetryBudget retryBudget) {
        return new ApiTransport(http, environment, endpoints, Objects.requireNonNull(retryBudget, "retryBudget"),
                scheduler, clock, waitListener, json);
    }

    /**
     * Sends {@code request}, retrying within the budget, and returns the 2xx response.
     *
     * @throws FabricApiException when the call fails for good; {@code attempts()} says how often it was tried
     * @throws SignInException    when the service refused a freshly fetched token
     */
    public ApiResponse execute(ApiRequest request) {
        RetryLedger ledger = new RetryLedger(budget);
        try {
            return Failsafe.with(retryPolicy(ledger)).get(() -> attempt(request));
        } catch (FabricApiException e) {
            throw settle(e, ledger);
        } catch (FailsafeException e) {
            // attempts throw only unchecked exceptions, so a checked one comes from the retry wait: an interrupt
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw FabricApiException.of(request.call(), "Interrupted", "interrupted while waiting to retry");
        }
    }

    /**
     * Sends {@code request} asynchronously; attempts and waits run on the scheduler, never on the caller's thread.
     * The future fails with the same exceptions {@link #execute} throws. Cancelling it stops further attempts.
     */
    public CompletableFuture<ApiResponse> executeAsync(ApiRequest request) {
        RetryLedger ledger = new RetryLedger(budget);
        CompletableFuture<ApiResponse> attempts = Failsafe.with(retryPolicy(ledger)).with(scheduler)
                .getAsync(() -> attempt(request));
        CompletableFuture<ApiResponse> result = new CompletableFuture<>();
        attempts.whenComplete((response, error) -> {
            if (error == null) {
                result.complete(response);
                return;
            }
            Throwable cause = Futures.unwrap(error);
            result.completeExceptionally(cause instanceof FabricApiException e ? settle(e, ledger) : cause);
        });
        result.whenComplete((response, error) -> {
            if (result.isCancelled()) {
                attempts.cancel(true);
            }
        });
        return result;
    }

    /**
     * A URL builder for {@code service}: its configured base plus {@code pathSegments}, each percent-encoded as one
     * segment so an id can never change the path's shape.
     */
    public HttpUrl.Builder url(Service service, String... pathSegments) {
        HttpUrl.Builder builder = base(service).newBuilder();
        for (String segment : pathSegments) {
            if (segment == null || segment.isBlank() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("invalid path segment '" + segment + "'");
            }
            builder.addPathSegment(segment);
        }
        return builder;
    }

    /**
     * Whether {@code url} points into {@code service}'s configured base (same scheme, host, port and base path).
     * Only such URLs may be followed when a response names one: the bearer token must not travel elsewhere.
     */
    public boolean isServiceUrl(Service service, HttpUrl url) {
        HttpUrl base = base(service);
        String basePath = base.encodedPath().endsWith("/") ? base.encodedPath() : base.encodedPath() + "/";
        String path = url.encodedPath().endsWith("/") ? url.encodedPath() : url.encodedPath() + "/";
        return base.scheme().equals(url.scheme()) && base.host().equalsIgnoreCase(url.host())
                && base.port() == url.port() && path.startsWith(basePath);
    }

    public JsonCodec json() {
        return json;
    }

    public Clock clock() {
        return clock;
    }

    /** The executor async calls and pollers schedule on. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public WaitListener waitListener() {
        return waitListener;
    }

    /** Reports {@code waiting}; a listener that throws is logged and ignored. */
    public void report(Waiting waiting) {
        LOG.debug("{}: {}", waiting.call(), waiting.reason());
        try {
            waitListener.waiting(waiting);
        } catch (RuntimeException e) {
            LOG.warn("Wait listener failed for {}", waiting.call(), e);
        }
    }

    /** Builds the {@link Waiting} for the next status check of a long-running operation. */
    public Waiting operationWait(ApiCall call, String operationId, String state, int checks, Duration delay) {
        return reasons.forOperation(call, operationId, state, checks, delay, clock.instant().plus(delay));
    }

    /**
     * Builds the {@link Waiting} for the next status check of something the service runs, e.g. subject
     * {@code "Fabric job 6f0c…"} and state {@code "is InProgress"}; {@code retryAfter} is what the service asked
     * for, {@code delay} the wait actually scheduled.
     */
    public Waiting pollWait(ApiCall call, WaitCause cause, String subject, String state, int checks,
            Optional<Duration> retryAfter, Duration delay) {
        return reasons.forPoll(call, cause, subject, state, checks, retryAfter, delay, clock.instant().plus(delay));
    }

    private HttpUrl base(Service service) {
        URI uri = endpoints.of(service);
        return HttpUrl.get(uri);
    }

    private RetryPolicy<ApiResponse> retryPolicy(RetryLedger ledger) {
        return RetryPolicy.<ApiResponse>builder()
                .handleIf((response, failure) -> ledger.mayRetry(failure))
                .withDelayFn(context -> ledger.delayFor(context.getLastException()))
                .withMaxRetries(-1)
                .onRetryScheduled(event -> retryScheduled(ledger, event))
                .build();
    }

    private void retryScheduled(RetryLedger ledger, ExecutionScheduledEvent<ApiResponse> event) {
        Duration delay = event.getDelay();
        ledger.retryScheduled(delay);
        FabricApiException failure = (FabricApiException) event.getLastException();
        report(reasons.forFailure(failure, event.getAttemptCount(), delay, clock.instant().plus(delay)));
    }

    private ApiResponse attempt(ApiRequest request) {
        ApiCall call = request.call();
        RequestBody body = request.jsonBody().map(bytes -> RequestBody.create(bytes, JSON))
                .orElse(call.method().equals("POST") ? RequestBody.create(new byte[0], null) : null);
        Request httpRequest = new Request.Builder()
                .url(request.url())
                .method(call.method(), body)
                .header("Accept", "application/json")
                .tag(TokenScope.class, call.service().scope())
                .tag(ApiCall.class, call)
                .build();
        try (Response response = http.newCall(httpRequest).execute()) {
            ResponseBody responseBody = response.body();
            byte[] bytes = responseBody == null ? new byte[0] : responseBody.bytes();
            Instant now = clock.instant();
            if (isSignInRefusal(call, response, bytes)) {
                throw signInExpired(request, response, bytes, now);
            }
            if (response.isSuccessful()) {
                return new ApiResponse(call, response.code(), response.headers(), bytes, now);
            }
            throw Failures.fromResponse(request, response.code(), response.message(), response.headers(),
                    json.treeOrMissing(bytes), now);
        } catch (IOException e) {
            throw Failures.fromIo(request, e);
        }
    }

    private boolean isSignInRefusal(ApiCall call, Response response, byte[] body) {
        // Azure DevOps answers a token it does not accept with 203 and an HTML sign-in page, not 401
        return response.code() == 401
                || response.code() == 403
                && ErrorBodies.isExpiredTokenRefusal(403, response.headers(), json.treeOrMissing(body))
                || call.service() == Service.AZURE_DEVOPS && response.code() == 203
                && !String.valueOf(response.header("Content-Type")).contains("json");
    }

    private SignInException signInExpired(ApiRequest request, Response response, byte[] body, Instant now) {
        FabricApiException detail = Failures.fromResponse(request, response.code(), response.message(),
                response.headers(), json.treeOrMissing(body), now);
        String refreshed = response.priorResponse() != null ? " even with a freshly fetched token" : "";
        return new SignInException("sign-in expired for " + environment + " (" + request.call() + " was refused"
                + refreshed + ", request id " + detail.requestId().orElse("unknown") + "); sign in again", detail);
    }

    private static FabricApiException settle(FabricApiException failure, RetryLedger ledger) {
        if (failure.isRetriable() && ledger.refusal().isPresent()) {
            return failure.gaveUp(ledger.attempts(), ledger.refusal().get());
        }
        return failure;
    }


    /** Configures an {@link ApiTransport}. Not thread-safe; use from one thread, then discard. */
    public static final class Builder {

        private final OkHttpClient shared;
        private final AccessTokens tokens;
        private final ScheduledExecutorService scheduler;
        private String environment = "this environment";
        private ServiceEndpoints endpoints = ServiceEndpoints.PUBLIC_CLOUD;
        private RetryBudget retryBudget = RetryBudget.DEFAULT;
        private Clock clock = Clock.systemDefaultZone();
        private WaitListener waitListener = WaitListener.none();
        private Logger httpLogger = LoggerFactory.getLogger(RedactingLoggingInterceptor.class);

        private Builder(OkHttpClient shared, AccessTokens tokens, ScheduledExecutorService scheduler) {
            this.shared = Objects.requireNonNull(shared, "shared");
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        }

        /** The environment name used in sign-in messages, e.g. {@code prod}. */
        public Builder environment(String name) {
            this.environment = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder endpoints(ServiceEndpoints serviceEndpoints) {
            this.endpoints = Objects.requireNonNull(serviceEndpoints, "serviceEndpoints");
            return this;
        }

        public Builder retryBudget(RetryBudget budget) {
            this.retryBudget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        /** The clock for {@code Retry-After} dates and the times shown in waiting reasons (its zone is used). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "value");
            return this;
        }

        public Builder waitListener(WaitListener listener) {
            this.waitListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Where the redacting interceptor logs each exchange. */
        public Builder httpLogger(Logger logger) {
            this.httpLogger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        public ApiTransport build() {
            JsonCodec json = new JsonCodec();
            OkHttpClient http = shared.newBuilder()
                    // OkHttp would silently re-send a request after some connection failures, even a job
                    // submission; retries belong to the Failsafe policy, which knows what is safe to repeat
                    .retryOnConnectionFailure(false)
                    // a redirect could carry the bearer token to another host; the APIs never redirect
                    .followRedirects(false)
                    .followSslRedirects(false)
                    .addInterceptor(new BearerTokenInterceptor(tokens))
                    .addInterceptor(new ExpiredTokenInterceptor(tokens, json))
                    .authenticator(new TokenRefreshAuthenticator(tokens))
                    .addNetworkInterceptor(new RedactingLoggingInterceptor(httpLogger))
                    .build();
            return new ApiTransport(http, environment, endpoints, retryBudget, scheduler, clock, waitListener,
                    json);
        }
    }
}
