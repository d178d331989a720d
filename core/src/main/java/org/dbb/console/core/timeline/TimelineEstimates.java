package org.dbb.console.core.timeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.engine.RunState;
import org.dbb.console.core.engine.StepState;
import org.dbb.console.core.journal.JdbcRunJournal;
import org.dbb.console.core.journal.RunQuery;
import org.dbb.console.core.journal.RunSummary;

/**
 * How long an environment's runs and each of their stages usually take: the median over its last successful
 * console runs in the journal. A stage counts only from runs that ran it (not from re-runs that skipped or reused
 * it); the whole run only from runs that were not re-runs. Immutable; thread-safe.
 */
public final class TimelineEstimates {

    /** No history: timelines carry no estimates. */
    public static final TimelineEstimates NONE = new TimelineEstimates(Map.of(), Optional.empty(), 0);

    private final Map<String, Duration> stages;
    private final Optional<Duration> run;
    private final int runs;

    private TimelineEstimates(Map<String, Duration> stages, Optional<Duration> run, int runs) {
        this.stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
        this.run = run;
        this.runs = runs;
    }

    /**
     * The estimates from the last {@code lastN} SUCCEEDED runs of {@code environment} in the journal. Blocking (it
     * reads the database): call it off the UI thread.
     *
     * @throws IllegalArgumentException when {@code lastN} is below 1
     */
    public static TimelineEstimates load(JdbcRunJournal journal, String environment, int lastN) {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(environment, "environment");
        if (lastN < 1) {
            throw new IllegalArgumentException("lastN must be at least 1, was " + lastN);
        }
        List<RunSummary> succeeded = journal.list(new RunQuery(Optional.of(environment),
                Optional.of(RunState.SUCCEEDED), lastN));
        List<RunRecord> records = new ArrayList<>(succeeded.size());
        for (RunSummary summary : succeeded) {
            journal.find(summary.runId()).ifPresent(records::add);
        }
        return of(records);
    }

    /** The estimates from these runs; runs that did not succeed are left out. */
    public static TimelineEstimates of(Collection<RunRecord> records) {
        Map<String, List<Duration>> byStage = new LinkedHashMap<>();
        List<Duration> wholeRuns = new ArrayList<>();
        int used = 0;
        for (RunRecord record : records) {
            if (record.state() != RunState.SUCCEEDED) {
                continue;
            }
            used++;
            if (record.rerunOf().isEmpty()) {
                record.endedAt().map(end -> Duration.between(record.createdAt(), end)).ifPresent(wholeRuns::add);
            }
            RecordedStageSpans spans = RecordedStageSpans.of(record);
            for (String stage : record.stageNames()) {
                if (record.stages().get(stage) != StepState.SUCCEEDED) {
                    continue;
                }
                spans.stage(stage).duration().ifPresent(d -> byStage.computeIfAbsent(stage, s -> new ArrayList<>())
                        .add(d));
            }
        }
        if (used == 0) {
            return NONE;
        }
        Map<String, Duration> medians = new LinkedHashMap<>();
        byStage.forEach((stage, durations) -> medians.put(stage, median(durations)));
        return new TimelineEstimates(medians, wholeRuns.isEmpty() ? Optional.empty()
                : Optional.of(median(wholeRuns)), used);
    }

    /** The usual duration of the stage called {@code name}, when a past run ran it. */
    public Optional<Duration> stage(String name) {
        return Optional.ofNullable(stages.get(name));
    }

    /** The usual duration of a whole run. */
    public Optional<Duration> run() {
        return run;
    }

    /** Every stage with an estimate, in the order the runs listed them. */
    public Map<String, Duration> stages() {
        return stages;
    }

    /** How many successful runs the estimates come from; 0 for {@link #NONE}. */
    public int basedOn() {
        return runs;
    }

    private static Duration median(List<Duration> durations) {
        List<Duration> sorted = new ArrayList<>(durations);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle);
        }
        return sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    @Override
    public String toString() {
        return "TimelineEstimates[runs=" + runs + ", run=" + run.orElse(null) + ", stages=" + stages + "]";
    }
}
