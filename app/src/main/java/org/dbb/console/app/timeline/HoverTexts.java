package org.dbb.console.app.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.dbb.console.core.engine.AttemptStatus;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.timeline.AttemptSpan;
import org.dbb.console.core.timeline.StageLane;
import org.dbb.console.core.timeline.WaitSpan;

/** The sentence a bar's tooltip shows, worded for operators. Stateless. */
final class HoverTexts {

    /** Error messages can be pages long; the tooltip shows the start, the detail pane the whole. */
    static final int MESSAGE_LIMIT = 160;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private HoverTexts() {
    }

    /** E.g. {@code attempt 2 of 4 · failed after 1 min 3 s · DbtJobFailed: the model fct_sales failed}. */
    static String attempt(AttemptSpan attempt, int attempts, boolean stepEnded, Instant now) {
        StringBuilder text = new StringBuilder("attempt ").append(attempt.attempt());
        if (stepEnded) {
            text.append(" of ").append(attempts);
        }
        text.append(" · ").append(outcome(attempt, now));
        error(attempt).ifPresent(error -> text.append(" · ").append(error));
        return text.toString();
    }

    /** E.g. {@code reused from run 7f3a… · attempt 1 · succeeded after 3 min} (the original run's attempt). */
    static String reused(String run, AttemptSpan attempt, Instant now) {
        return "reused from run " + run + " · attempt " + attempt.attempt() + " · " + outcome(attempt, now);
    }

    /** E.g. {@code waiting for Load tables to finish · 45 s so far}, or {@code … · waited 2 min 5 s}. */
    static String waited(WaitSpan wait, Instant now) {
        return wait.reason().text() + " · " + wait.end()
                .map(end -> "waited " + TimelineDurations.text(Duration.between(wait.start(), end)))
                .orElseGet(() -> TimelineDurations.text(Duration.between(wait.start(), now)) + " so far");
    }

    /** E.g. {@code 3 · Transformation · failed after 12 min 3 s · usually 10 min}. */
    static String stage(StageLane lane, Instant now) {
        StringBuilder text = new StringBuilder().append(lane.number()).append(" · ").append(lane.name());
        lane.start().ifPresent(start -> {
            Duration took = Duration.between(start, lane.end().orElse(now));
            String state = word(lane.state());
            text.append(" · ").append(lane.end().isPresent() ? state + " after " : "running for ")
                    .append(TimelineDurations.text(took));
        });
        lane.estimate().ifPresent(e -> text.append(" · usually ").append(TimelineDurations.rough(e)));
        lane.reason().ifPresent(reason -> text.append(" · ").append(reason));
        return text.toString();
    }

    /** A state as operators read it: {@code succeeded}, {@code waiting}, … */
    static String word(StepState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static String outcome(AttemptSpan attempt, Instant now) {
        Duration took = Duration.between(attempt.start(), attempt.end().orElse(now));
        if (attempt.running()) {
            return "running for " + TimelineDurations.text(took);
        }
        String verb = attempt.status().map(HoverTexts::verb).orElse("ended");
        return verb + " after " + TimelineDurations.text(took);
    }

    private static String verb(AttemptStatus status) {
        return switch (status) {
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case TIMED_OUT -> "timed out";
            case CANCELLED -> "cancelled";
        };
    }

    private static Optional<String> error(AttemptSpan attempt) {
        Optional<String> message = attempt.message().map(HoverTexts::shorten);
        if (attempt.errorCode().isPresent()) {
            return Optional.of(attempt.errorCode().get() + message.map(m -> ": " + m).orElse(""));
        }
        return message;
    }

    static String shorten(String message) {
        String oneLine = WHITESPACE.matcher(message.strip()).replaceAll(" ");
        return oneLine.length() <= MESSAGE_LIMIT ? oneLine : oneLine.substring(0, MESSAGE_LIMIT - 1) + "…";
    }
}
