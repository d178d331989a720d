package org.dbb.console.core.fabricruns;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.dbb.console.core.connect.EnvironmentConnection;
import org.dbb.console.core.fabric.http.FabricApiException;
import org.dbb.console.core.workspace.pipeline.Pipeline;
import org.dbb.console.core.workspace.stages.StageLayout;

/**
 * The runs of one environment's master pipeline in its Fabric workspace, over an open connection to the environment:
 * {@link FabricRunHistory} bound to the workspace, the pipeline item and the stage layout the repository gives it.
 * Closing it closes the connection (stopping an in-process sandbox emulator). Thread-safe; every method but
 * {@link #nextPoll()} makes blocking HTTP calls, so call them off the UI thread.
 */
public final class EnvironmentFabricRuns implements AutoCloseable {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final EnvironmentConnection connection;
    private final FabricRunHistory history;
    private final String workspaceId;
    private final String workspaceName;
    private final String masterPipelineId;
    private final Pipeline master;
    private final StageLayout layout;

    /**
     * @param connection       the open connection; closed with this
     * @param history          reads over {@code connection}'s Fabric client
     * @param master           the master pipeline as the repository declares it
     * @param layout           its stages
     */
    public EnvironmentFabricRuns(EnvironmentConnection connection, FabricRunHistory history, String workspaceId,
            String workspaceName, String masterPipelineId, Pipeline master, StageLayout layout) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.history = Objects.requireNonNull(history, "history");
        this.workspaceId = Objects.requireNonNull(workspaceId, "workspaceId");
        this.workspaceName = Objects.requireNonNull(workspaceName, "workspaceName");
        this.masterPipelineId = Objects.requireNonNull(masterPipelineId, "masterPipelineId");
        this.master = Objects.requireNonNull(master, "master");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    public String environment() {
        return connection.environment();
    }

    public EnvironmentConnection connection() {
        return connection;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String workspaceName() {
        return workspaceName;
    }

    public String masterPipelineId() {
        return masterPipelineId;
    }

    public Pipeline master() {
        return master;
    }

    public StageLayout layout() {
        return layout;
    }

    /** The newest {@code limit} runs, newest first; see {@link FabricRunHistory#recent}. */
    public List<FabricRunSummary> recent(int limit) {
        return history.recent(workspaceId, masterPipelineId, limit);
    }

    /**
     * One run stage by stage; see {@link FabricRunHistory#detail}.
     *
     * @throws UnknownFabricRunException when Fabric has no run of the master pipeline with that id
     */
    public FabricRunDetail detail(String jobInstanceId) {
        String id = checked(jobInstanceId);
        try {
            return history.detail(workspaceId, masterPipelineId, id, layout);
        } catch (FabricApiException e) {
            throw unknownOr(id, e);
        }
    }

    /**
     * The parameters the run used as far as Fabric reveals them; see {@link FabricRunHistory#parameters}.
     *
     * @throws UnknownFabricRunException when Fabric has no run of the master pipeline with that id
     */
    public FabricRunParameters parameters(String jobInstanceId) {
        String id = checked(jobInstanceId);
        try {
            return history.parameters(workspaceId, masterPipelineId, id, master);
        } catch (FabricApiException e) {
            throw unknownOr(id, e);
        }
    }

    /** How long to wait before reading a live run again; see {@link FabricRunHistory#nextPoll()}. */
    public Duration nextPoll() {
        return history.nextPoll();
    }

    /** Where the runs are read from, for messages: {@code orchestration_pipeline_DBB in workspace 'DBB-DEV'}. */
    public String describe() {
        return master.name() + " in workspace '" + workspaceName + "' (" + connection.endpointDescription() + ")";
    }

    @Override
    public void close() {
        connection.close();
    }

    private String checked(String jobInstanceId) {
        String id = jobInstanceId.strip();
        if (!GUID.matcher(id).matches()) {
            throw new UnknownFabricRunException(id, "'" + id + "' is not a Fabric job instance id (those are GUIDs,"
                    + " e.g. 6f0c2b1e-…); `dbb runs list --env " + environment() + " --source fabric` lists the runs"
                    + " of " + master.name(), null);
        }
        return id;
    }

    private RuntimeException unknownOr(String id, FabricApiException e) {
        if (e.status() != 404) {
            return e;
        }
        String hint = connection.emulator().isPresent() ? "; the sandbox emulator started in-process just now and"
                + " holds only the runs of its scenario: to work on runs that outlive one command, run `dbb emulator`"
                + " and pass --emulator URL" : "";
        return new UnknownFabricRunException(id, "Fabric has no run " + id + " of " + describe() + " ("
                + e.errorCode() + ")" + hint + "; `dbb runs list --env " + environment() + " --source fabric`"
                + " lists its runs", e);
    }
}
