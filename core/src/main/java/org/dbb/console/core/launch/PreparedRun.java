package org.dbb.console.core.launch;

import java.util.Objects;
import java.util.Optional;

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

    private final RunPlan plan;
    private final EnvironmentConnection connection;
    private final RunEngine engine;
    /** The record a re-run of a Fabric run reuses, made from what Fabric reported; console re-runs use the journal. */
    private final Optional<RunRecord> original;

    PreparedRun(RunPlan plan, EnvironmentConnection connection, RunEngine engine) {
        this(plan, connection, engine, Optional.empty());
    }

    PreparedRun(RunPlan plan, EnvironmentConnection connection, RunEngine engine, Optional<RunRecord> original) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.original = Objects.requireNonNull(original, "original");
    }

    public RunPlan plan() {
        return plan;
    }

    public EnvironmentConnection connection() {
        return connection;
    }

    /** Starts the run on background executors and returns at once. */
    public RunHandle start(RunListener listener) {
        return original.map(o -> engine.rerun(plan, o, listener)).orElseGet(() -> engine.start(plan, listener));
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
