package org.dbb.console.core.engine;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import org.dbb.console.core.engine.refresh.RefreshConductor;
import org.dbb.console.core.fabric.FabricClient;
import org.dbb.console.core.monitoring.MonitoringSink;
import org.dbb.console.core.plan.PlannedStage;
import org.dbb.console.core.plan.RunPlan;

/**
 * Runs {@link RunPlan}s against Fabric on background executors and reports through a {@link RunListener}. Each
 * run's state changes on a serial executor of its own over the shared scheduler, so a run needs no locks and its
 * events come out in order; nothing blocks while a job runs (the clients poll asynchronously, honouring
 * {@code Retry-After}). Thread-safe; {@link #start} returns at once.
 */
public final class RunEngine {

    private final EngineServices services;
    private final Supplier<String> runIds;

    /**
     * @param fabric     the Fabric client for the run's environment
     * @param conductor  the semantic refresh conductor over the same environment's Power BI client
     * @param scheduler  where runs do their work and wait; shared by every run
     * @param clock      the clock events, rows and journal entries are stamped with
     * @param monitoring where monitoring rows go
     * @param journal    the write-ahead record of runs
     * @param runIds     new run ids
     */
    public RunEngine(FabricClient fabric, RefreshConductor conductor, ScheduledExecutorService scheduler,
            Clock clock, MonitoringSink monitoring, RunJournal journal, Supplier<String> runIds) {
        this.services = new EngineServices(Objects.requireNonNull(fabric, "fabric"),
                Objects.requireNonNull(conductor, "conductor"),
                Objects.requireNonNull(scheduler, "scheduler"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(monitoring, "monitoring"), Objects.requireNonNull(journal, "journal"));
        this.runIds = Objects.requireNonNull(runIds, "runIds");
    }

    /**
     * Starts running {@code plan} and returns at once; {@code listener} receives the run's events.
     *
     * @throws IllegalArgumentException for a re-run whose original run is not in the journal, or whose stage is not
     *                                  in the plan
     */
    public RunHandle start(RunPlan plan, RunListener listener) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(listener, "listener");
        Optional<RerunScope> rerun = plan.request().rerun()
                .map(request -> RerunScope.of(request, plan, services.journal()));
        RunExecution run = new RunExecution(services, plan, runIds.get(), rerun, listener);
        run.start();
        return run;
    }

    /**
     * Starts a re-run of part of {@code original}, whose record the caller supplies instead of the journal (a run
     * Fabric started, read back from Fabric), and returns at once. Stages before the re-run's stage take their
     * steps' states, outputs and variables from {@code original}; the journal links the new run to it.
     *
     * @throws IllegalArgumentException when the plan's request is no re-run of {@code original}, or its stage is
     *                                  not in the plan
     */
    public RunHandle rerun(RunPlan plan, RunRecord original, RunListener listener) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(listener, "listener");
        RerunScope scope = RerunScope.of(plan.request().rerun().orElseThrow(() -> new IllegalArgumentException(
                "the plan's request is no re-run; start it with start()")), plan, original);
        RunExecution run = new RunExecution(services, plan, runIds.get(), Optional.of(scope), listener);
        run.start();
        return run;
    }

    /**
     * Takes over {@code interrupted}, a run an earlier console left without an end, under the same run id, and
     * returns at once. Steps the record says ended keep that end (their output and variables are restored, not run
     * again), stages that ended keep their state, a Fabric job whose submission was recorded is polled again rather
     * than submitted, and an attempt recorded as about to be submitted without Fabric's answer is first looked for
     * among the item's job instances; only when it is not there is it submitted, as that same attempt. A semantic
     * model refresh is watched again by its recorded refresh id, or found in the model's refresh history when Power
     * BI's answer never arrived, before it is requested again. Monitoring rows the journal records as stored are
     * not stored again; the ones missing are.
     *
     * @param plan        the plan made again from {@code interrupted}'s request
     * @throws IllegalArgumentException when {@code interrupted} already ended or its stages differ from the plan's
     */
    public RunHandle resume(RunPlan plan, RunRecord interrupted, RunListener listener) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(interrupted, "interrupted");
        Objects.requireNonNull(listener, "listener");
        if (interrupted.endedAt().isPresent()) {
            throw new IllegalArgumentException("run " + interrupted.runId() + " already ended " + interrupted.state()
                    + "; only an interrupted run can resume");
        }
        List<String> stages = plan.stages().stream().map(PlannedStage::name).toList();
        if (!stages.equals(interrupted.stageNames())) {
            throw new IllegalArgumentException("run " + interrupted.runId() + " had stages "
                    + interrupted.stageNames() + " but the plan made now has " + stages
                    + "; the workspace changed since, so the run cannot resume");
        }
        Optional<RerunScope> rerun = plan.request().rerun()
                .map(request -> RerunScope.of(request, plan, services.journal()));
        RunExecution run = new RunExecution(services, plan, interrupted.runId(), rerun, listener,
                Optional.of(interrupted));
        run.start();
        return run;
    }
}
