package org.dbb.console.app.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.testing.ScriptedDialogs;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.engine.RunHandle;
import org.dbb.console.core.engine.RunListener;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.launch.PreparedRun;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.Workspace;

/**
 * A fresh export of the sample workspace with the console's real services over their own data folder, for launch
 * and re-run tests: launch services with scripted dialogs, and earlier runs made by the engine itself. Not
 * thread-safe; one per test.
 */
public final class SampleLaunches implements AutoCloseable {

    /** Transformation fails on every one of its attempts, so the run fails there. */
    public static final String BROKEN_TRANSFORMATION = """
            version: 1
            timeScale: 0.002
            defaults: {queueSeconds: 2, jobSeconds: 30, refreshSeconds: 60, pollSeconds: 5}
            items:
              transformation_pipeline_DBB:
                failOnAttempts: [1, 2, 3]
                failure: {activity: Build gold with dbt, errorCode: DbtRunFailed, message: "dbt run failed"}
            """;

    /** The HR model's refresh fails on every attempt, so the semantic refresh stage fails on that model alone. */
    public static final String BROKEN_HR_MODEL = """
            version: 1
            timeScale: 0.002
            defaults: {queueSeconds: 2, jobSeconds: 30, refreshSeconds: 60, pollSeconds: 5}
            models:
              HR: {failOnAttempts: [1, 2, 3, 4, 5, 6]}
            """;

    private final Path root;
    private final ConsoleServices services;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    public SampleLaunches(Path temp) {
        this.root = temp.resolve("dbb");
        new SampleWorkspace().exportTo(root);
        this.services = new ConsoleServices(new DataDirectories(temp.resolve("data")));
    }

    /** Changes {@code dbb-console.yml} before the workspace is opened. */
    public SampleLaunches editSettings(UnaryOperator<String> edit) {
        return edit("dbb-console.yml", edit);
    }

    /** Changes a file of the workspace, relative to its root, before the workspace is opened. */
    public SampleLaunches edit(String file, UnaryOperator<String> edit) {
        Path path = root.resolve(file);
        try {
            Files.writeString(path, edit.apply(Files.readString(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Workspace workspace() {
        return services.workspaceLoader().open(root);
    }

    public ConsoleServices services() {
        return services;
    }

    public ScriptedDialogs dialogs() {
        return dialogs;
    }

    /** Launch services over scripted dialogs, doing background work on {@code background}. */
    public LaunchServices launchServices(Executor background, Executor fx) {
        return LaunchServices.of(services, dialogs, background, fx);
    }

    /** Runs the master pipeline in the sandbox playing {@code scenarioYaml} to its end and returns its record. */
    public RunRecord finishedRun(String scenarioYaml) throws Exception {
        Workspace ws = workspace();
        Scenario scenario = services.scenarioReader().parse(root.resolve("scenario.yml"), scenarioYaml);
        try (PreparedRun prepared = services.runLauncher().prepare(ws, RunRequest.launch("sandbox", "ops"),
                new SandboxOptions(Optional.empty(), Optional.of(scenario)), Map.of())) {
            RunHandle handle = prepared.start(RunListener.none());
            handle.completion().get(90, TimeUnit.SECONDS);
            return services.runJournal().find(handle.runId()).orElseThrow();
        }
    }

    @Override
    public void close() {
        services.close();
    }
}
