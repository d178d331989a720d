package org.dbb.console.core.launch;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.core.connect.EnvironmentConnection;
import org.dbb.console.core.engine.RunEngine;
import org.dbb.console.core.engine.RunHandle;
import org.dbb.console.core.engine.RunListener;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.plan.RunPlan;

/**
 * A run that has been planned against its environment and can be started: the plan (what a dry run prints) and
 * the connection it will run over. Closing it closes the connection (stopping an in-process sandbox emulator), so
 * close it only after the run has ended. Thread-safe.
 */
public final class PreparedRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PreparedRun.class);

    private final RunPlan plan;
    private final EnvironmentConnection connection;
    private final RunEngine engine;
    private final Consumer<RunHandle> started;
    /** The record a re-run of a Fabric run reuses, made from what Fabric reported; console re-runs use the journal. */
    private final Optional<RunRecord> original;

    PreparedRun(RunPlan plan, EnvironmentConnection connection, RunEngine engine) {
        this(plan, connection, engine, Optional.empty());
    }

    PreparedRun(RunPlan plan, EnvironmentConnection connection, RunEngine engine, Optional<RunRecord> original) {
        this(plan, connection, engine, original, handle -> { });
    }

    private PreparedRun(RunPlan plan, EnvironmentConnection connection, RunEngine engine,
                        Optional<RunRecord> original, Consumer<RunHandle> started) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.original = Objects.requireNonNull(original, "original");
        this.started = Objects.requireNonNull(started, "started");
    }

    /**
     * The same prepared run (same plan and connection: closing either closes both), which also hands
     * {@code hook} the handle of every run {@link #start}ed from it, e.g. to record who launched it. The hook runs
     * on the starting thread right after the run started; what it throws is logged, not passed on, because the run
     * is already going.
     */
    public PreparedRun whenStarted(Consumer<RunHandle> hook) {
        Objects.requireNonNull(hook, "hook");
        return new PreparedRun(plan, connection, engine, original, started.andThen(hook));
    }

    public RunPlan plan() {
        return plan;
    }

    public EnvironmentConnection connection() {
        return connection;
    }

    /** Starts the run on background executors and returns at once. */
    public RunHandle start(RunListener listener) {
        RunHandle handle = original.map(o -> engine.rerun(plan, o, listener))
                .orElseGet(() -> engine.start(plan, listener));
        try {
            started.accept(handle);
        } catch (RuntimeException e) {
            LOG.warn("Run {} started, but what was to follow its start failed", handle.runId(), e);
        }
        return handle;
    }

    /**
     * Takes over {@code interrupted} (a run an earlier console left without an end) under its own id and returns
     * at once; see {@link RunEngine#resume}.
     */
    public RunHandle resume(RunRecord interrupted, RunListener listener) {
        return engine.resume(plan, interrupted, listener);
    }

    @Override
    public void close() {
        connection.close();
    }
}
