package org.dbb.console.core.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.dbb.console.core.plan.RunPlan;

/**
 * The write-ahead record of runs: the engine writes what it is about to do before doing it, so a console that
 * stopped half-way can tell which jobs it submitted. An attempt with {@link #attemptSubmitting} but no
 * {@link #attemptSubmitted} may or may not have reached Fabric (look its job up before submitting again); one with
 * {@code attemptSubmitted} and no {@link #attemptEnded} is still running at its {@link JobLocation}, and a resume
 * re-attaches by polling that location. Implementations must be thread-safe; the engine calls them from its
 * threads, for one run in order, and a failure to write propagates (the engine does not act without its record).
 */
public interface RunJournal {

    /** A run was created from {@code plan}; {@code rerunOf} links a re-run to its original. */
    void runCreated(String runId, RunPlan plan, Optional<String> rerunOf, Instant at);

    /**
     * A run the console stopped in the middle of goes on under its own id (it was created earlier and never ended);
     * what follows is recorded against the same run.
     */
    void runResumed(String runId, Instant at);

    /**
     * Attempt {@code attempt} of {@code step} is about to be sent to Fabric or Power BI (called before the request).
     * Called again for the same attempt when an earlier request was answered "not now" (a busy model, throttling)
     * before anything started: the record then names the latest time.
     */
    void attemptSubmitting(String runId, StepKey step, int attempt, Instant at);

    /** Fabric accepted the attempt as the job at {@code job} (called right after the 202). */
    void attemptSubmitted(String runId, StepKey step, int attempt, JobLocation job, Instant at);

    /** Power BI accepted the attempt (a semantic model refresh) as {@code refreshId}. */
    void refreshSubmitted(String runId, StepKey step, int attempt, String refreshId, Instant at);

    void attemptEnded(String runId, StepKey step, int attempt, AttemptStatus status, Optional<String> errorCode,
            Optional<String> message, Instant at);

    /**
     * The step ended: its output ({@code @activity('x').output}) and the variables it set, which a re-run reuses
     * instead of running the step again.
     */
    void stepEnded(String runId, StepKey step, StepState state, Optional<JsonNode> output,
            Map<String, JsonNode> variablesSet, Optional<String> reusedFrom, Instant at);

    void stageEnded(String runId, String stage, StepState state, Instant at);

    void runEnded(String runId, RunState state, Instant at);

    /** The monitoring row {@code mark} was stored under {@code rowId} (called right after the store answered). */
    void rowWritten(String runId, RowMark mark, long rowId);

    /** The monitoring rows recorded by {@link #rowWritten} for a run, with their ids. */
    Map<RowMark, Long> rowsWritten(String runId);

    /** Everything recorded about a run. */
    Optional<RunRecord> find(String runId);
}
