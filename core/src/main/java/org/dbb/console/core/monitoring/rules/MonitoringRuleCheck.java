package org.dbb.console.core.monitoring.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;

/**
 * Checks one run's monitoring rows against its monitoring rules. A pure function of its arguments: the same rows
 * give the same findings, so a resumed run finds again exactly what it found before it stopped. Findings the rules
 * wrote themselves, notebook breaches, overruns and skipped steps are not evidence: only attempt rows are.
 * Stateless and thread-safe.
 */
public final class MonitoringRuleCheck {

    /** Rows that record an attempt of an activity or a Copy activity run. */
    private static final Set<MonitoringStatus> ATTEMPT_ROWS = EnumSet.of(MonitoringStatus.IN_PROGRESS,
            MonitoringStatus.SUCCEEDED, MonitoringStatus.FAILED, MonitoringStatus.CANCELLED,
            MonitoringStatus.TIMED_OUT);

    private MonitoringRuleCheck() {
    }

    /**
     * The findings of {@code rules} over {@code rows}, in rule order.
     *
     * @param rows      every row of the run
     * @param timeScale real seconds per environment second (the sandbox runs faster): targets are on the
     *                  environment's clock, rows on the real one
     */
    public static List<RuleBreach> breaches(List<MonitoringRule> rules, List<MonitoringRow> rows, double timeScale) {
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("timeScale must be positive, was " + timeScale);
        }
        List<MonitoringRow> attempts = rows.stream().filter(r -> ATTEMPT_ROWS.contains(r.status())).toList();
        List<RuleBreach> breaches = new ArrayList<>();
        for (MonitoringRule rule : rules) {
            if (rule instanceof MonitoringRule.IncompleteLoad r) {
                incompleteLoad(r, attempts, breaches);
            } else if (rule instanceof MonitoringRule.DurationOverTarget r) {
                durationOverTarget(r, attempts, timeScale, breaches);
            } else if (rule instanceof MonitoringRule.RowsBelowMinimum r) {
                rowsBelowMinimum(r, attempts, breaches);
            }
        }
        return breaches;
    }

    private static void incompleteLoad(MonitoringRule.IncompleteLoad rule, List<MonitoringRow> attempts,
                                       List<RuleBreach> out) {
        for (MonitoringRule.ExpectedActivity expected : rule.expected()) {
            // a top-level activity with no attempt in this run did not run here: nothing to expect of it
            if (attempts.stream().noneMatch(of(rule.stage(), expected.runBy()))) {
                continue;
            }
            List<MonitoringRow> own = attempts.stream().filter(of(rule.stage(), expected.name()))
                    .sorted(ORDER).toList();
            if (own.stream().anyMatch(r -> r.status() == MonitoringStatus.SUCCEEDED)) {
                continue;
            }
            String actual = own.isEmpty() ? "not run" : "last run " + own.get(own.size() - 1).status().wireName();
            out.add(new RuleBreach(rule.number(), rule.kind(), rule.stage(), expected.name(), expected.runBy(),
                    MonitoringStatus.INCOMPLETE_LOAD, expected.name(), actual, "a Succeeded run"));
        }
    }

    private static void durationOverTarget(MonitoringRule.DurationOverTarget rule, List<MonitoringRow> attempts,
                                           double timeScale, List<RuleBreach> out) {
        List<MonitoringRow> timed = attempts.stream().filter(r -> r.stage().equals(rule.stage()))
                .filter(r -> rule.activity().map(a -> r.activity().equals(a)).orElse(true)).toList();
        if (timed.isEmpty()) {
            return;
        }
        Instant start = timed.stream().map(MonitoringRow::startedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = timed.stream().map(r -> r.endedAt().orElse(r.startedAt())).max(Comparator.naturalOrder())
                .orElseThrow();
        Duration took = scale(Duration.between(start, end), 1 / timeScale);
        if (took.compareTo(rule.target()) <= 0) {
            return;
        }
        out.add(new RuleBreach(rule.number(), rule.kind(), rule.stage(), rule.activity().orElse(rule.shownOn()),
                rule.shownOn(), MonitoringStatus.THRESHOLD_BREACH,
                rule.activity().orElse("stage " + rule.stage()), text(took), text(rule.target())));
    }

    private static void rowsBelowMinimum(MonitoringRule.RowsBelowMinimum rule, List<MonitoringRow> attempts,
                                         List<RuleBreach> out) {
        List<MonitoringRow> own = attempts.stream().filter(of(rule.stage(), rule.activity())).sorted(ORDER).toList();
        if (own.isEmpty()) {
            return;
        }
        // a pipeline the console ran again (its step's next attempt) copied everything again: count the latest
        Optional<String> latestRun = own.get(own.size() - 1).jobInstanceId();
        List<MonitoringRow> counted = own.stream().filter(r -> r.jobInstanceId().equals(latestRun))
                .filter(r -> r.status() == MonitoringStatus.SUCCEEDED && r.rowsWritten().isPresent()).toList();
        if (counted.isEmpty()) {
            // nothing copied to count; an incomplete-load rule is the one to report a copy that did not succeed
            return;
        }
        long copied = counted.stream().mapToLong(r -> r.rowsWritten().getAsLong()).sum();
        if (copied >= rule.minimum()) {
            return;
        }
        out.add(new RuleBreach(rule.number(), rule.kind(), rule.stage(), rule.activity(), rule.shownOn(),
                MonitoringStatus.THRESHOLD_BREACH, rule.activity(), copied + " rows copied", rule.minimum()
                + " rows"));
    }

    private static final Comparator<MonitoringRow> ORDER = Comparator.comparing(MonitoringRow::startedAt)
            .thenComparingLong(r -> r.id().orElse(Long.MAX_VALUE));

    private static Predicate<MonitoringRow> of(String stage, String activity) {
        return r -> r.stage().equals(stage) && r.activity().equals(activity);
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofMillis(Math.round(d.toMillis() * factor));
    }

    /** A duration as the settings file writes one: {@code 1h 2m 5s}, whole seconds. */
    static String text(Duration d) {
        long seconds = Math.round(d.toMillis() / 1000.0);
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append('h');
        }
        if (m > 0) {
            out.append(out.isEmpty() ? "" : " ").append(m).append('m');
        }
        if (s > 0 || out.isEmpty()) {
            out.append(out.isEmpty() ? "" : " ").append(s).append('s');
        }
        return out.toString();
    }
}
