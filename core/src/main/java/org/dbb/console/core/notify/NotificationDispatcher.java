package org.dbb.console.core.notify;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.core.fabric.http.Redaction;
import org.dbb.console.core.fabric.http.RetryAfter;
import org.dbb.console.core.workspace.config.SettingValue;

/**
 * Sends notifications to one channel without ever holding up the caller: {@link #submit} returns at once, and
 * delivery (with Failsafe retries of 5xx, 429 after its {@code Retry-After}, and dropped connections) runs on the
 * injected scheduler. A notice already submitted for the same run, subject and kind is dropped. Outcomes go to
 * the {@link DeliveryListener} and the returned future, and are logged with the webhook URL masked; nothing is
 * thrown. Delivery is at least once: a retry after a lost answer can post a card twice. Thread-safe.
 */
public final class NotificationDispatcher {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** How much of an error answer is kept for the reason; webhook errors are short. */
    private static final int EXCERPT_CHARS = 300;
    private static final long EXCERPT_BYTES = EXCERPT_CHARS * 4L;
    /** Legacy Teams connectors report throttling in a 200 answer's text instead of a 429 status. */
    private static final String LEGACY_THROTTLED = "returned HTTP error 429";

    private final OkHttpClient http;
    private final NotificationChannel channel;
    private final ScheduledExecutorService scheduler;
    private final DeliveryListener listener;
    private final DeliveryPolicy policy;
    private final Clock clock;
    private final Logger log;
    private final NotificationPayloads payloads = new NotificationPayloads();
    private final Set<Notification.Key> submitted = ConcurrentHashMap.newKeySet();

    private NotificationDispatcher(Builder b) {
        this.http = b.shared.newBuilder()
                // retries belong to the policy below, which counts them; OkHttp would re-post silently
                .retryOnConnectionFailure(false)
                // a redirect would carry the card to a host the operator never configured
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.channel = b.channel;
        this.scheduler = b.scheduler;
        this.listener = b.listener;
        this.policy = b.policy;
        this.clock = b.clock;
        this.log = b.log;
    }

    /**
     * Starts a dispatcher posting to {@code channel} over a variant of the console's shared client, delivering on
     * {@code scheduler} (which the caller owns and shuts down).
     */
    public static Builder builder(OkHttpClient shared, NotificationChannel channel,
                                  ScheduledExecutorService scheduler) {
        return new Builder(shared, channel, scheduler);
    }

    /** The channel, masked when printed. */
    public NotificationChannel channel() {
        return channel;
    }

    /**
     * Queues a notification for delivery and returns at once. The future always completes normally, with the same
     * outcome the listener is told; a duplicate completes immediately as
     * {@link DeliveryOutcome.SuppressedDuplicate}. Outcomes carry the notification with the webhook URL masked
     * wherever its text quoted it.
     */
    public CompletableFuture<DeliveryOutcome> submit(Notification submittedNotice) {
        Objects.requireNonNull(submittedNotice, "notification");
        // outcomes, logs and the body all use this copy, so a URL the caller quoted goes no further
        Notification notification = submittedNotice.withText(this::scrub);
        if (!submitted.add(notification.key())) {
            DeliveryOutcome.SuppressedDuplicate outcome = new DeliveryOutcome.SuppressedDuplicate(notification);
            log.info("Notification {} for run {} ({}) was already submitted; this copy is not sent",
                    notification.kind(), notification.runId(), notification.subject());
            tell(() -> listener.suppressedDuplicate(outcome));
            return CompletableFuture.completedFuture(outcome);
        }
        CompletableFuture<DeliveryOutcome> result = new CompletableFuture<>();
        AtomicInteger attempts = new AtomicInteger();
        // built by the first attempt, so not even the JSON work happens on the caller's thread
        AtomicReference<String> body = new AtomicReference<>();
        try {
            Failsafe.with(retryPolicy(notification)).with(scheduler)
                    .getAsync(context -> {
                        attempts.set(context.getAttemptCount() + 1);
                        return post(body.updateAndGet(built -> built != null ? built
                                : payloads.body(channel.kind(), notification)));
                    })
                    .whenComplete((status, error) -> result.complete(settle(notification, status, error,
                            attempts.get())));
        } catch (RuntimeException e) {
            // the scheduler refused the work: it is shut down
            result.complete(settle(notification, null, e, attempts.get()));
        }
        return result;
    }

    private RetryPolicy<Integer> retryPolicy(Notification n) {
        return RetryPolicy.<Integer>builder()
                .handleIf((status, failure) -> mayRetry(failure))
                .withMaxAttempts(policy.maxAttempts())
                .withDelayFn(context -> delayAfter(context.getLastException(), context.getAttemptCount()))
                .onRetryScheduled(event -> log.info("Notification {} for run {} to {}: attempt {} failed ({}),"
                                + " trying again in {}", n.kind(), n.runId(), channel.maskedUrl(),
                        event.getAttemptCount(), describe(event.getLastException()),
                        NotificationPayloads.shown(event.getDelay())))
                .build();
    }

    private boolean mayRetry(Throwable failure) {
        if (failure instanceof IOException) {
            return true;
        }
        if (failure instanceof ChannelAnswer answer) {
            return answer.retriable() && !asksTooLong(answer);
        }
        return false;
    }

    private boolean asksTooLong(ChannelAnswer answer) {
        return answer.retryAfter().map(wait -> wait.compareTo(policy.maxRetryAfter()) > 0).orElse(false);
    }

    private Duration delayAfter(Throwable failure, int attemptsSoFar) {
        Duration backoff = policy.backoffBefore(attemptsSoFar + 1);
        if (failure instanceof ChannelAnswer answer && answer.retryAfter().isPresent()) {
            // the channel said when it will take the next request; sooner would only be refused again
            return answer.retryAfter().get();
        }
        return backoff;
    }

    /** One attempt: the 2xx status, or an exception saying what went wrong. */
    private Integer post(String body) throws IOException {
        Request request = new Request.Builder().url(channel.url()).post(RequestBody.create(body, JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            int status = response.code();
            if (status >= 200 && status < 300) {
                if (excerptOfAccepted(response.body()).contains(LEGACY_THROTTLED)) {
                    throw new ChannelAnswer(429, "HTTP " + status + " reporting throttling (HTTP error 429)",
                            Optional.empty());
                }
                return status;
            }
            String excerpt = excerpt(response.body());
            Optional<Duration> retryAfter = RetryAfter.parse(response.header("Retry-After"), clock.instant());
            String text = "HTTP " + status + (response.message().isBlank() ? "" : " " + response.message())
                    + (excerpt.isEmpty() ? "" : ": " + excerpt);
            throw new ChannelAnswer(status, text, retryAfter);
        }
    }

    /** The accepted answer's text; once the status says accepted, a body cut short must not cause a re-post. */
    private String excerptOfAccepted(ResponseBody body) {
        try {
            return excerpt(body);
        } catch (IOException e) {
            return "";
        }
    }

    private String excerpt(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        BufferedSource source = body.source();
        // at most this much is read, so a receiver that streams without end cannot hold the attempt
        source.request(EXCERPT_BYTES);
        String text = source.getBuffer().readUtf8(Math.min(source.getBuffer().size(), EXCERPT_BYTES));
        text = text.strip().replaceAll("\\s+", " ");
        if (text.length() > EXCERPT_CHARS) {
            text = text.substring(0, EXCERPT_CHARS) + "…";
        }
        return scrub(text);
    }

    private DeliveryOutcome settle(Notification n, Integer status, Throwable error, int attempts) {
        if (error == null) {
            DeliveryOutcome.Delivered delivered = new DeliveryOutcome.Delivered(n, channel.maskedUrl(), status,
                    attempts);
            log.info("Notification {} for run {} ({}) delivered to {} (HTTP {}, attempt {})", n.kind(), n.runId(),
                    n.subject(), channel.maskedUrl(), status, attempts);
            tell(() -> listener.delivered(delivered));
            return delivered;
        }
        Throwable cause = unwrap(error);
        String reason = reason(cause, attempts);
        DeliveryOutcome.Failed failed = new DeliveryOutcome.Failed(n, channel.maskedUrl(), reason, attempts);
        log.warn("Notification {} for run {} ({}) was not delivered to {}: {}", n.kind(), n.runId(), n.subject(),
                channel.maskedUrl(), reason);
        tell(() -> listener.failed(failed));
        return failed;
    }

    private String reason(Throwable cause, int attempts) {
        String tries = attempts == 1 ? "1 attempt" : attempts + " attempts";
        if (cause instanceof ChannelAnswer answer) {
            if (asksTooLong(answer)) {
                return "the channel answered " + answer.getMessage() + " and asked to wait "
                        + NotificationPayloads.shown(answer.retryAfter().get()) + ", longer than the "
                        + NotificationPayloads.shown(policy.maxRetryAfter()) + " the console waits; gave up after "
                        + tries;
            }
            if (!answer.retriable()) {
                return "the channel refused the notification with " + answer.getMessage()
                        + "; not retried, since sending it again would be refused too";
            }
            return "gave up after " + tries + "; the last answer was " + answer.getMessage();
        }
        if (cause instanceof IOException) {
            return "gave up after " + tries + "; the last attempt failed with " + describe(cause);
        }
        if (cause instanceof RejectedExecutionException) {
            return "the notification executor is shut down, so nothing was sent";
        }
        return "unexpected failure after " + tries + ": " + describe(cause);
    }

    private String describe(Throwable failure) {
        if (failure == null) {
            return "no error";
        }
        if (failure instanceof ChannelAnswer) {
            return failure.getMessage();
        }
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + scrub(message);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof FailsafeException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * {@code text} without the webhook URL or any part of it that identifies the flow (path, signature, query
     * values), then with the usual secret patterns masked: answers and errors may quote what they were sent.
     */
    String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        HttpUrl url = channel.url();
        String out = text.replace(url.toString(), channel.maskedUrl());
        out = replaceLong(out, url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery()));
        out = replaceLong(out, url.encodedQuery());
        for (int i = 0; i < url.querySize(); i++) {
            out = replaceLong(out, url.queryParameterValue(i));
            out = replaceLong(out, encodedQueryValue(url, i));
        }
        for (String segment : url.pathSegments()) {
            out = replaceLong(out, segment);
        }
        return Redaction.text(out);
    }

    private static String encodedQueryValue(HttpUrl url, int index) {
        String query = url.encodedQuery();
        if (query == null) {
            return null;
        }
        String[] pairs = query.split("&");
        if (index >= pairs.length) {
            return null;
        }
        int eq = pairs[index].indexOf('=');
        return eq < 0 ? null : pairs[index].substring(eq + 1);
    }

    /** Short parts (e.g. {@code api-version=1}, {@code /invoke}) are ordinary words; long ones identify the flow. */
    private static String replaceLong(String text, String part) {
        if (part == null || part.length() < 12) {
            return text;
        }
        return text.replace(part, SettingValue.MASK);
    }

    private void tell(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            log.warn("A notification delivery listener failed; ignoring it: {}", describe(e));
        }
    }

    @Override
    public String toString() {
        return "NotificationDispatcher[" + channel + ", " + submitted.size() + " submitted]";
    }

    /** Collects the collaborators of a {@link NotificationDispatcher}. Not thread-safe; use from one thread. */
    public static final class Builder {

        private final OkHttpClient shared;
        private final NotificationChannel channel;
        private final ScheduledExecutorService scheduler;
        private DeliveryListener listener = DeliveryListener.NONE;
        private DeliveryPolicy policy = DeliveryPolicy.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

        private Builder(OkHttpClient shared, NotificationChannel channel, ScheduledExecutorService scheduler) {
            this.shared = Objects.requireNonNull(shared, "shared");
            this.channel = Objects.requireNonNull(channel, "channel");
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        }

        public Builder listener(DeliveryListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        public Builder policy(DeliveryPolicy value) {
            this.policy = Objects.requireNonNull(value, "policy");
            return this;
        }

        /** The clock {@code Retry-After} dates are measured from. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Where outcomes are logged. */
        public Builder logger(Logger value) {
            this.log = Objects.requireNonNull(value, "logger");
            return this;
        }

        public NotificationDispatcher build() {
            return new NotificationDispatcher(this);
        }
    }
}
