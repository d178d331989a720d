package org.dbb.console.core.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.plan.PlannedStage;
import org.dbb.console.core.plan.RunPlan;

/**
 * A {@link RunJournal} kept in memory, for tests and the sandbox; it forgets everything when the console stops.
 * Thread-safe: each run's record is updated under its own lock.
 */
public final class InMemoryRunJournal implements RunJournal {

    private final Map<String, Entry> runs = new ConcurrentHashMap<>();

    @Override
    public void runCreated(String runId, RunPlan plan, Optional<String> rerunOf, Instant at) {
        List<String> stages = plan.stages().stream().map(PlannedStage::name).toList();
        if (runs.putIfAbsent(runId, new Entry(runId, plan, stages, rerunOf, at)) != null) {
            throw new IllegalStateException("run " + runId + " is already in the journal");
        }
    }

    @Override
    public void runResumed(String runId, Instant at) {
        entry(runId).update(e -> {
            if (e.endedAt.isPresent()) {
                throw new IllegalStateException("run " + runId + " already ended " + e.state + "; it cannot resume");
            }
            e.state = RunState.RUNNING;
        });
    }

    @Override
    public void attemptSubmitting(String runId, StepKey step, int attempt, Instant at) {
        entry(runId).update(e -> {
            StepEntry s = e.step(step);
            boolean known = s.attempts.stream().anyMatch(a -> a.attempt() == attempt);
            if (!known) {
                s.attempts.add(new RunRecord.AttemptRecord(attempt, at, Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
                return;
            }
            s.replaceAttempt(attempt, a -> a.job().isEmpty() && a.refreshId().isEmpty() && a.endedAt().isEmpty()
                    ? new RunRecord.AttemptRecord(attempt, at, a.job(), a.refreshId(), a.status(), a.errorCode(),
                    a.message(), a.endedAt()) : a, at);
        });
    }

    @Override
    public void rowWritten(String runId, RowMark mark, long rowId) {
        entry(runId).update(e -> e.rows.put(mark, rowId));
    }

    @Override
    public Map<RowMark, Long> rowsWritten(String runId) {
        Entry entry = entry(runId);
        synchronized (entry) {
            return Map.copyOf(entry.rows);
        }
    }

    @Override
    public void attemptSubmitted(String runId, StepKey step, int attempt, JobLocation job, Instant at) {
        entry(runId).update(e -> e.step(step).replaceAttempt(attempt, a -> new RunRecord.AttemptRecord(attempt,
                a.submittingAt(), Optional.of(job), a.refreshId(), a.status(), a.errorCode(), a.message(),
                a.endedAt()), at));
    }

    @Override
    public void refreshSubmitted(String runId, StepKey step, int attempt, String refreshId, Instant at) {
        entry(runId).update(e -> e.step(step).replaceAttempt(attempt, a -> new RunRecord.AttemptRecord(attempt,
                a.submittingAt(), a.job(), Optional.of(refreshId), a.status(), a.errorCode(), a.message(),
                a.endedAt()), at));
    }

    @Override
    public void attemptEnded(String runId, StepKey step, int attempt, AttemptStatus status,
            Optional<String> errorCode, Optional<String> message, Instant at) {
        entry(runId).update(e -> e.step(step).replaceAttempt(attempt, a -> new RunRecord.AttemptRecord(attempt,
                a.submittingAt(), a.job(), a.refreshId(), Optional.of(status), errorCode, message,
                Optional.of(at)), at));
    }

    @Override
    public void stepEnded(String runId, StepKey step, StepState state, Optional<JsonNode> output,
            Map<String, JsonNode> variablesSet, Optional<String> reusedFrom, Instant at) {
        entry(runId).update(e -> {
            StepEntry s = e.step(step);
            s.state = Optional.of(state);
            s.output = output.map(JsonNode::deepCopy);
            s.variables = Map.copyOf(variablesSet);
        });
    }

    @Override
    public void stageEnded(String runId, String stage, StepState state, Instant at) {
        entry(runId).update(e -> e.stages.put(stage, state));
    }

    @Override
    public void runEnded(String runId, RunState state, Instant at) {
        entry(runId).update(e -> {
            e.state = state;
            e.endedAt = Optional.of(at);
        });
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        Entry entry = runs.get(runId);
        return entry == null ? Optional.empty() : Optional.of(entry.toRecord());
    }

    private Entry entry(String runId) {
        Entry entry = runs.get(runId);
        if (entry == null) {
            throw new IllegalStateException("run " + runId + " was never created in the journal");
        }
        return entry;
    }

    private static final class Entry {
        private final String runId;
        private final RunPlan plan;
        private final List<String> stageNames;
        private final Optional<String> rerunOf;
        private final Instant createdAt;
        private final Map<String, StepState> stages = new LinkedHashMap<>();
        private final Map<StepKey, StepEntry> steps = new LinkedHashMap<>();
        private final Map<RowMark, Long> rows = new LinkedHashMap<>();
        private RunState state = RunState.PENDING;
        private Optional<Instant> endedAt = Optional.empty();

        Entry(String runId, RunPlan plan, List<String> stageNames, Optional<String> rerunOf, Instant createdAt) {
            this.runId = runId;
            this.plan = plan;
            this.stageNames = stageNames;
            this.rerunOf = rerunOf;
            this.createdAt = createdAt;
        }

        synchronized void update(Consumer<Entry> change) {
            if (state == RunState.PENDING) {
                state = RunState.RUNNING;
            }
            change.accept(this);
        }

        StepEntry step(StepKey key) {
            return steps.computeIfAbsent(key, StepEntry::new);
        }

        synchronized RunRecord toRecord() {
            Map<StepKey, RunRecord.StepRecord> copy = new LinkedHashMap<>();
            steps.forEach((key, s) -> copy.put(key, new RunRecord.StepRecord(key, s.state, s.output, s.variables,
                    s.attempts)));
            return new RunRecord(runId, plan.request(), plan.environment(), stageNames, rerunOf, state, createdAt,
                    endedAt, stages, copy);
        }
    }

    private static final class StepEntry {
        private final StepKey key;
        private final List<RunRecord.AttemptRecord> attempts = new ArrayList<>();
        private Optional<StepState> state = Optional.empty();
        private Optional<JsonNode> output = Optional.empty();
        private Map<String, JsonNode> variables = Map.of();

        StepEntry(StepKey key) {
            this.key = key;
        }

        void replaceAttempt(int attempt, UnaryOperator<RunRecord.AttemptRecord> change,
                Instant at) {
            for (int i = attempts.size() - 1; i >= 0; i--) {
                if (attempts.get(i).attempt() == attempt) {
                    attempts.set(i, change.apply(attempts.get(i)));
                    return;
                }
            }
            // an attempt that never went through attemptSubmitting (a local step) starts its record here
            RunRecord.AttemptRecord fresh = new RunRecord.AttemptRecord(attempt, at, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            attempts.add(change.apply(fresh));
        }

        @Override
        public String toString() {
            return key.toString();
        }
    }
}
