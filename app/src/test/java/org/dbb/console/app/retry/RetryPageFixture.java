package org.dbb.console.app.retry;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.app.testing.AnsweringDialogs;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.Workspace;

/**
 * The retry-policy view model over a fresh export of the sample workspace, with real core services, its own data
 * folder and database, and scripted dialogs. Not thread-safe; one per test.
 */
final class RetryPageFixture implements AutoCloseable {

    static final String MASTER = "orchestration_pipeline_DBB";

    final Path workspaceRoot;
    final ConsoleServices services;
    final ConsoleSession session = new ConsoleSession();
    final AnsweringDialogs dialogs = new AnsweringDialogs();
    final RetryPolicyViewModel model;

    /** Runs everything on the calling thread. */
    RetryPageFixture(Path temp) {
        this(temp, temp.resolve("dbb"), Runnable::run, Runnable::run, new SandboxOptions(Optional.empty(), Optional.of(Scenario.neutral())));
    }

    /** Over the sample exported to {@code root}, exporting it first unless it is there already. */
    RetryPageFixture(Path temp, Path root, Executor background, Executor fx, SandboxOptions sandbox) {
        workspaceRoot = root;
        if (!java.nio.file.Files.isRegularFile(root.resolve("dbb-console.yml"))) {
            new SampleWorkspace().exportTo(workspaceRoot);
        }
        services = new ConsoleServices(new DataDirectories(temp.resolve("data")));
        session.workspaceProperty().set(open());
        session.environmentProperty().set("sandbox");
        model = RetryPolicyPageFactory.viewModel(services, session, dialogs, () -> sandbox, "operator", background, fx);
    }

    Workspace open() {
        return services.workspaceLoader().open(workspaceRoot);
    }

    Path pipelineFile(String pipeline) {
        return open().pipeline(pipeline).orElseThrow().folder().resolve("pipeline-content.json");
    }

    PolicyRow row(String pipeline, String activity) {
        return model.rows().stream().filter(r -> r.pipeline().equals(pipeline) && r.activity().equals(activity))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + pipeline + " / " + activity));
    }

    PolicyRow row(String activity) {
        return row(MASTER, activity);
    }

    List<AuditEntry> audit() {
        return services.auditTrail().entries(Optional.empty(), Optional.empty());
    }

    @Override
    public void close() {
        services.close();
    }
}
