package org.dbb.console.core.notify;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * One notice for the operations channel: a run or step that failed, a refresh that overran its target, or a
 * monitoring threshold breach. Carries no secrets. Immutable and thread-safe.
 *
 * @param kind           what happened
 * @param runId          the console's run id
 * @param environment    the environment the run belongs to
 * @param subject        the stage, activity or semantic model (or monitoring check) it is about
 * @param status         the status text shown to operators, e.g. {@code Failed}
 * @param duration       how long it ran, when known
 * @param targetDuration how long it was expected to take, when one is set
 * @param errorCode      the service's error code, when there is one
 * @param errorMessage   the error message, when there is one
 * @param attempts       how many attempts were made, when that matters
 * @param runLink        where to look at the run, e.g. {@code dbb-console://run/<id>} or the Fabric monitor URL
 * @param occurredAt     when it happened (UTC)
 * @param details        extra key/value lines, in order, e.g. one per breached threshold
 */
public record Notification(Kind kind, String runId, String environment, String subject, String status,
                           Optional<Duration> duration, Optional<Duration> targetDuration, Optional<String> errorCode,
                           Optional<String> errorMessage, OptionalInt attempts, Optional<URI> runLink,
                           Instant occurredAt, List<Detail> details) {

    public Notification {
        Objects.requireNonNull(kind, "kind");
        requireText(runId, "runId");
        requireText(environment, "environment");
        requireText(subject, "subject");
        requireText(status, "status");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(targetDuration, "targetDuration");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorMessage, "errorMessage");
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(runLink, "runLink");
        Objects.requireNonNull(occurredAt, "occurredAt");
        details = List.copyOf(details);
        duration.ifPresent(d -> requireNotNegative(d, "duration"));
        targetDuration.ifPresent(d -> requireNotNegative(d, "targetDuration"));
        if (attempts.isPresent() && attempts.getAsInt() < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts.getAsInt());
        }
    }

    /** Starts a notification; the status defaults to the kind's usual wording. */
    public static Builder builder(Kind kind, String runId, String environment, String subject, Instant occurredAt) {
        return new Builder(kind, runId, environment, subject, occurredAt);
    }

    /** What deduplication compares: one notice per run, subject and kind. */
    public Key key() {
        return new Key(runId, subject, kind);
    }

    /** The headline, e.g. {@code Run failed: Transformation}. */
    public String title() {
        return kind.headline() + ": " + subject;
    }

    /**
     * This notification with every text passed through {@code text}, e.g. to mask a secret a caller quoted; a run
     * link that {@code text} changes is dropped, since a masked link leads nowhere.
     */
    Notification withText(UnaryOperator<String> text) {
        Optional<URI> link = runLink.filter(l -> text.apply(l.toString()).equals(l.toString()));
        return new Notification(kind, text.apply(runId), text.apply(environment), text.apply(subject),
                text.apply(status), duration, targetDuration, errorCode.map(text), errorMessage.map(text), attempts,
                link, occurredAt, details.stream().map(d -> new Detail(text.apply(d.key()), text.apply(d.value())))
                        .toList());
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireNotNegative(Duration d, String name) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
    }

    /** What a notification is about; decides the card's colour and the subject's label. Immutable. */
    public enum Kind {
        /** A run ended failed (its stage in the subject). */
        RUN_FAILED("Run failed", "Stage", "Failed", Severity.ATTENTION),
        /** One activity (step) failed after its retries. */
        STEP_FAILED("Step failed", "Activity", "Failed", Severity.ATTENTION),
        /** A semantic model refresh runs longer than its target; it is not cancelled. */
        REFRESH_OVERRUN("Refresh overran its target", "Semantic model", "Running past target", Severity.WARNING),
        /** Monitoring found a value past its threshold. */
        THRESHOLD_BREACH("Threshold breached", "Check", "Breached", Severity.WARNING);

        private final String headline;
        private final String subjectLabel;
        private final String defaultStatus;
        private final Severity severity;

        Kind(String headline, String subjectLabel, String defaultStatus, Severity severity) {
            this.headline = headline;
            this.subjectLabel = subjectLabel;
            this.defaultStatus = defaultStatus;
            this.severity = severity;
        }

        /** The headline wording, e.g. {@code Run failed}. */
        public String headline() {
            return headline;
        }

        /** What the subject is called on a card, e.g. {@code Stage}. */
        public String subjectLabel() {
            return subjectLabel;
        }

        /** How serious it is. */
        public Severity severity() {
            return severity;
        }
    }

    /** How a notice is coloured: failures ask for attention, overruns and breaches warn. Immutable. */
    public enum Severity {
        ATTENTION, WARNING
    }

    /**
     * The deduplication key of a notification. Immutable.
     *
     * @param runId   the run id
     * @param subject the stage, activity or model
     * @param kind    the kind of notice
     */
    public record Key(String runId, String subject, Kind kind) {

        public Key {
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * One extra line of a notification, e.g. {@code sales.orders} → {@code 0 rows, threshold 1000}. Immutable.
     *
     * @param key   what the line is about
     * @param value what to say about it
     */
    public record Detail(String key, String value) {

        public Detail {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Collects the optional parts of a {@link Notification}. Not thread-safe; use from one thread. */
    public static final class Builder {

        private final Kind kind;
        private final String runId;
        private final String environment;
        private final String subject;
        private final Instant occurredAt;
        private String status;
        private Duration duration;
        private Duration targetDuration;
        private String errorCode;
        private String errorMessage;
        private Integer attempts;
        private URI runLink;
        private final List<Detail> details = new ArrayList<>();

        private Builder(Kind kind, String runId, String environment, String subject, Instant occurredAt) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.runId = runId;
            this.environment = environment;
            this.subject = subject;
            this.occurredAt = occurredAt;
            this.status = kind.defaultStatus;
        }

        public Builder status(String value) {
            this.status = value;
            return this;
        }

        public Builder duration(Duration value) {
            this.duration = value;
            return this;
        }

        public Builder targetDuration(Duration value) {
            this.targetDuration = value;
            return this;
        }

        public Builder errorCode(String value) {
            this.errorCode = value;
            return this;
        }

        public Builder errorMessage(String value) {
            this.errorMessage = value;
            return this;
        }

        public Builder attempts(int value) {
            this.attempts = value;
            return this;
        }

        public Builder runLink(URI value) {
            this.runLink = value;
            return this;
        }

        /** Adds one line; lines keep the order they were added in. */
        public Builder detail(String key, String value) {
            details.add(new Detail(key, value));
            return this;
        }

        public Notification build() {
            return new Notification(kind, runId, environment, subject, status, Optional.ofNullable(duration),
                    Optional.ofNullable(targetDuration), Optional.ofNullable(errorCode),
                    Optional.ofNullable(errorMessage),
                    attempts == null ? OptionalInt.empty() : OptionalInt.of(attempts), Optional.ofNullable(runLink),
                    occurredAt, details);
        }
    }
}
