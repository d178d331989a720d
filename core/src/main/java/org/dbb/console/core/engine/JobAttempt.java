package org.dbb.console.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.core.fabric.FabricClient;
import org.dbb.console.core.fabric.http.ServiceError;
import org.dbb.console.core.fabric.http.WaitCause;
import org.dbb.console.core.fabric.http.Waiting;
import org.dbb.console.core.fabric.jobs.ActivityRunQuery;
import org.dbb.console.core.fabric.jobs.InvokeType;
import org.dbb.console.core.fabric.jobs.JobIdSource;
import org.dbb.console.core.fabric.jobs.JobInstance;
import org.dbb.console.core.fabric.jobs.JobInstanceRef;
import org.dbb.console.core.fabric.jobs.JobRequest;
import org.dbb.console.core.plan.StepAction;

/**
 * One attempt of a Fabric job step: journal, submit ({@code 202} + {@code Location}), poll with the client's async
 * polling until the job ends, then read a notebook's exit value. Past its timeout, or when the run is cancelled, it
 * asks Fabric to cancel the job and keeps polling until Fabric reports it ended, for at most the run's cancel grace.
 * Used only on the run's serial executor.
 */
final class JobAttempt implements Attempt {

    private static final Logger LOG = LoggerFactory.getLogger(JobAttempt.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How far the console's clock and Fabric's may disagree when matching a job to its submission. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final RunExecution run;
    private final StepKey key;
    private final int attempt;
    private final StepAction.FabricJob job;
    private final JobRequest request;
    private final Duration timeout;
    private final Recorded recorded;
    private final CompletableFuture<AttemptResult> result = new CompletableFuture<>();
    private FabricClient client;
    private AttemptLog log;
    private JobInstanceRef ref;
    private CompletableFuture<JobInstance> poll;
    private ScheduledFuture<?> timer;
    private ScheduledFuture<?> grace;
    private boolean timedOut;
    private boolean cancelRequested;
    private boolean cancelSent;
    /** Fabric reported the job's end; what follows (exit value, activity runs) is reading, nothing to cancel. */
    private boolean jobEnded;
    private boolean ended;

    /**
     * What the journal holds about an attempt a stopped console left without an end: when it was about to be
     * submitted, if Fabric's 202 arrived before the stop, where the job is, and the jobs of the step's other
     * attempts (never taken for this one). Immutable.
     */
    record Recorded(Instant submittingAt, Optional<JobLocation> job, Set<String> otherJobs) {
        Recorded {
            otherJobs = Set.copyOf(otherJobs);
        }
    }

    JobAttempt(RunExecution run, StepKey key, int attempt, StepAction.FabricJob job, JobRequest request,
            Duration timeout) {
        this(run, key, attempt, job, request, timeout, null);
    }

    /**
     * @param recorded the journal's record of this attempt when a resumed run continues it (the job is found
     *                 again rather than submitted a second time), or null for a new attempt
     */
    JobAttempt(RunExecution run, StepKey key, int attempt, StepAction.FabricJob job, JobRequest request,
            Duration timeout, Recorded recorded) {
        this.recorded = recorded;
        this.run = run;
        this.key = key;
        this.attempt = attempt;
        this.job = job;
        this.request = request;
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<AttemptResult> start() {
        log = new AttemptLog(key, attempt, Optional.of(job.item().displayName()),
                recorded == null ? run.now() : recorded.submittingAt(), Optional.empty());
        if (recorded == null) {
            // written before the request: after a crash, this entry says a job may exist
            run.services().journal().attemptSubmitting(run.runId(), key, attempt, log.startedAt());
        }
        run.running(key, attempt);
        client = run.services().fabric().withWaitListener(w -> run.serial().execute(() -> waited(w)));
        timer = run.services().scheduler().schedule(() -> run.serial().execute(this::timedOut), timeout.toNanos(),
                TimeUnit.NANOSECONDS);
        if (recorded == null) {
            submit();
        } else if (recorded.job().isPresent()) {
            attach(recorded.job().get().toRef());
        } else {
            reconcile();
        }
        return result;
    }

    private void submit() {
        client.runJobAsync(job.item().workspaceId(), job.item().id(), request)
                .whenCompleteAsync(this::submitted, run.serial());
    }

    /**
     * The console stopped between announcing the submission and reading Fabric's answer, so the job may exist:
     * the newest manual instance of the item started since then (less a clock-skew margin) is taken to be it, and
     * only when there is none is the job submitted, under the same attempt number. The listing is a blocking read,
     * so it runs on the scheduler rather than the run's serial executor.
     */
    private void reconcile() {
        String workspaceId = job.item().workspaceId();
        String itemId = job.item().id();
        Instant notBefore = recorded.submittingAt().minus(CLOCK_SKEW);
        CompletableFuture.supplyAsync(() -> client.listJobInstances(workspaceId, itemId), run.services().scheduler())
                .whenCompleteAsync((instances, error) -> {
                    if (ended) {
                        return;
                    }
                    if (error != null) {
                        // not knowing whether the job exists, submitting again could run it twice: fail, no retry
                        AttemptResult unknown = AttemptResult.failure(unwrap(error));
                        run.attemptStarted(log);
                        end(new AttemptResult(AttemptStatus.FAILED, Optional.empty(),
                                Optional.of("JobOutcomeUnknown"), Optional.of("could not list the jobs of "
                                + job.item().displayName() + " to find the one submitted before the console"
                                + " stopped: " + unknown.message().orElse("")), unknown.requestId(), false));
                        return;
                    }
                    Optional<JobInstance> found = instances.stream()
                            .filter(j -> j.invokeType() == InvokeType.MANUAL)
                            .filter(j -> !recorded.otherJobs().contains(j.id()))
                            .filter(j -> j.startTime().map(t -> !t.isBefore(notBefore)).orElse(true))
                            .max(Comparator.comparing(j -> j.startTime().orElse(Instant.MAX)));
                    if (found.isPresent()) {
                        JobInstanceRef ref = new JobInstanceRef(workspaceId, itemId, found.get().id(),
                                Optional.empty(), JobIdSource.INSTANCE_LIST);
                        run.services().journal().attemptSubmitted(run.runId(), key, attempt, JobLocation.of(ref),
                                run.now());
                        attach(ref);
                    } else if (timedOut || cancelRequested) {
                        run.attemptStarted(log);
                        end(stopped("not submitted"));
                    } else {
                        LOG.info("Job of {} attempt {} never reached Fabric before the console stopped; submitting"
                                + " it now", key, attempt);
                        submit();
                    }
                }, run.serial());
    }

    @Override
    public void cancel() {
        cancelRequested = true;
        if (ref != null) {
            sendCancel();
        }
        // before the 202 there is nothing to cancel yet; submitted() sends the cancel once the id is known
    }

    private void submitted(JobInstanceRef accepted, Throwable error) {
        if (error != null) {
            run.attemptStarted(log);
            end(AttemptResult.failure(unwrap(error)));
            return;
        }
        run.services().journal().attemptSubmitted(run.runId(), key, attempt, JobLocation.of(accepted), run.now());
        attach(accepted);
    }

    /** Polls the job until it ends; for a resumed attempt, the job a stopped console submitted. */
    private void attach(JobInstanceRef accepted) {
        ref = accepted;
        log = log.withJobId(accepted.jobInstanceId());
        run.attemptStarted(log);
        run.running(key, attempt);
        poll = client.awaitJobAsync(accepted);
        poll.whenCompleteAsync(this::finished, run.serial());
        if (timedOut || cancelRequested) {
            sendCancel();
        }
    }

    private void waited(Waiting waiting) {
        if (ended) {
            return;
        }
        if (waiting.cause() == WaitCause.THROTTLED || waiting.cause() == WaitCause.CAPACITY_BUSY) {
            run.waiting(key, WaitReason.throttled(waiting.until(), waiting.reason()), attempt);
        } else if (waiting.cause() == WaitCause.JOB_RUNNING && ref != null) {
            // the client's poll reason names the status it last read ("… is NotStarted, next check at …")
            if (waiting.reason().contains(" is NotStarted")) {
                run.waiting(key, WaitReason.queuedInFabric(ref.jobInstanceId()), attempt);
            } else {
                run.running(key, attempt);
            }
        }
    }

    private void finished(JobInstance instance, Throwable error) {
        if (ended) {
            return;
        }
        jobEnded = error == null;
        if (error != null) {
            Throwable cause = unwrap(error);
            end(cause instanceof CancellationException ? stopped("polling stopped") : AttemptResult.failure(cause));
            return;
        }
        switch (instance.status()) {
            case COMPLETED -> completed(instance);
            case FAILED -> afterActivityRuns(instance, withReason(timedOut ? AttemptStatus.TIMED_OUT
                    : AttemptStatus.FAILED, instance, "JobFailed", "the job failed"));
            case CANCELLED -> end(timedOut || cancelRequested ? stopped("job " + instance.id() + " cancelled")
                    : withReason(AttemptStatus.FAILED, instance, "JobCancelled", "the job was cancelled in Fabric"));
            case DEDUPED -> end(withReason(AttemptStatus.FAILED, instance, "Deduped",
                    "Fabric skipped this run: an instance of the same job was already running"));
            default -> end(AttemptResult.of(AttemptStatus.FAILED, "UnexpectedStatus",
                    "the job ended with status " + instance.statusText()));
        }
    }

    private void completed(JobInstance instance) {
        ObjectNode output = JSON.createObjectNode();
        output.put("jobInstanceId", instance.id());
        if (!JobRequests.isNotebook(job)) {
            output.put("pipelineRunId", instance.id());
        }
        output.put("status", instance.statusText());
        if (!JobRequests.isNotebook(job)) {
            afterActivityRuns(instance, AttemptResult.succeeded(output));
            return;
        }
        // the generic job endpoint does not report the exit value; the notebook endpoint does (a blocking read,
        // so it runs on the scheduler rather than the run's serial executor)
        CompletableFuture.supplyAsync(() -> client.getNotebookJobInstance(job.item().workspaceId(), job.item().id(),
                        instance.id()), run.services().scheduler())
                .whenCompleteAsync((notebook, error) -> {
                    if (error != null) {
                        LOG.warn("Exit value of notebook run {} not read", instance.id(), unwrap(error));
                    } else {
                        notebook.exitValue().ifPresent(text -> addExitValue(output, text));
                    }
                    end(AttemptResult.succeeded(output));
                }, run.serial());
    }

    /**
     * Ends the attempt with {@code outcome}; for a pipeline, first reads its run's activity runs, so the row counts
     * its Copy activities report reach the monitoring table before the attempt's end is recorded (a console stopped
     * in between reads them again on resume). The query is a blocking read, so it runs on the scheduler.
     */
    private void afterActivityRuns(JobInstance instance, AttemptResult outcome) {
        if (!JobRequests.isPipeline(job)) {
            end(outcome);
            return;
        }
        Instant from = instance.startTime().filter(t -> t.isBefore(log.startedAt())).orElse(log.startedAt());
        ActivityRunQuery window = ActivityRunQuery.forRunStartedAt(from, run.now());
        CompletableFuture.supplyAsync(() -> client.queryActivityRuns(job.item().workspaceId(), instance.id(),
                        window), run.services().scheduler())
                .whenCompleteAsync((activityRuns, error) -> {
                    if (ended) {
                        return;
                    }
                    if (error != null) {
                        Throwable cause = unwrap(error);
                        LOG.warn("Activity runs of pipeline run {} not read", instance.id(), cause);
                        run.activityRunsUnread(log, job.item().displayName(), cause.getMessage());
                    } else {
                        run.copyActivityRuns(log, job.item().displayName(), activityRuns);
                    }
                    end(outcome);
                }, run.serial());
    }

    private void addExitValue(ObjectNode output, String text) {
        JsonNode value = ExitValues.parse(text);
        output.set("exitValue", value);
        output.putObject("result").put("exitValue", text);
        List<Breach> breaches = ExitValues.breaches(value);
        if (!breaches.isEmpty()) {
            run.breaches(log, breaches);
        }
    }

    private void timedOut() {
        if (ended || jobEnded) {
            return;
        }
        timedOut = true;
        if (ref != null) {
            sendCancel();
        }
    }

    private void sendCancel() {
        if (cancelSent || ended || jobEnded) {
            return;
        }
        cancelSent = true;
        JobInstanceRef target = ref;
        client.cancelJobInstanceAsync(target.workspaceId(), target.itemId(), target.jobInstanceId())
                .whenCompleteAsync((answer, error) -> {
                    if (error != null && !ended) {
                        LOG.warn("Cancel of Fabric job {} was refused", target.jobInstanceId(), unwrap(error));
                        poll.cancel(true);
                        AttemptResult refused = AttemptResult.failure(unwrap(error));
                        end(new AttemptResult(timedOut ? AttemptStatus.TIMED_OUT : AttemptStatus.CANCELLED,
                                Optional.empty(), refused.errorCode(), Optional.of("the cancel request failed: "
                                + refused.message().orElse("")), refused.requestId(), true));
                    }
                }, run.serial());
        grace = run.services().scheduler().schedule(() -> run.serial().execute(this::graceOver),
                run.cancelGrace().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void graceOver() {
        if (ended) {
            return;
        }
        poll.cancel(true);
        end(stopped("Fabric had not ended job " + ref.jobInstanceId() + " " + run.cancelGrace()
                + " after the cancel request; no longer waiting for it"));
    }

    private AttemptResult stopped(String message) {
        return timedOut
                ? AttemptResult.of(AttemptStatus.TIMED_OUT, "AttemptTimedOut", "no result within " + timeout
                        + "; " + message)
                : AttemptResult.of(AttemptStatus.CANCELLED, null, message);
    }

    private static AttemptResult withReason(AttemptStatus status, JobInstance instance, String fallbackCode,
            String fallbackMessage) {
        Optional<ServiceError> reason = instance.failureReason();
        return new AttemptResult(status, Optional.empty(),
                Optional.of(reason.map(ServiceError::errorCode).orElse(fallbackCode)),
                Optional.of(reason.map(ServiceError::message).orElse(fallbackMessage)),
                reason.flatMap(ServiceError::requestId), true);
    }

    private void end(AttemptResult outcome) {
        if (ended) {
            return;
        }
        ended = true;
        timer.cancel(false);
        if (grace != null) {
            grace.cancel(false);
        }
        run.attemptEnded(log, outcome);
        result.complete(outcome);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
