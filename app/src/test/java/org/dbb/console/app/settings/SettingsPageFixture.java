package org.dbb.console.app.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.audit.InterventionRecorder;
import org.dbb.console.app.sandbox.WindowSandbox;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.app.shell.ShellViewModel;
import org.dbb.console.app.testing.AnsweringDialogs;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.emulator.scenario.Scenario;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.sample.SampleWorkspace;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.ConsoleSettings;

/**
 * The settings page's view model over a fresh export of the sample workspace, with real core services, its own data
 * folder and database, the window's kind of sandbox (one emulator seeded from the saved files), scripted dialogs
 * and an OS environment of the test's choosing. Not thread-safe; one per test.
 */
final class SettingsPageFixture implements AutoCloseable {

    final Path workspaceRoot;
    final Path settingsFile;
    final Path parameterFile;
    final ConsoleServices services;
    final ConsoleSession session = new ConsoleSession();
    final AnsweringDialogs dialogs = new AnsweringDialogs();
    final AtomicInteger reopened = new AtomicInteger();
    final WindowSandbox sandbox;
    private final ExecutorService handlers = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);

    SettingsPageFixture(Path temp, Map<String, String> osEnvironment) {
        workspaceRoot = temp.resolve("dbb");
        new SampleWorkspace().exportTo(workspaceRoot);
        settingsFile = workspaceRoot.resolve(ConsoleSettings.FILE_NAME);
        parameterFile = workspaceRoot.resolve("fabric/parameter.yml");
        services = new ConsoleServices(new DataDirectories(temp.resolve("data")), osEnvironment::get);
        sandbox = new WindowSandbox(Optional.empty(), Scenario.neutral(), handlers, timers);
        session.workspaceProperty().set(open());
        session.environmentProperty().set("DEV");
    }

    /** The view model with the console's own connection test and sign-in. */
    EnvironmentSettingsViewModel model(Executor background, Executor fx) {
        return EnvironmentSettingsPageFactory.viewModel(services, session, dialogs,
                () -> sandbox.options(session.workspace()), this::reopen,
                new InterventionRecorder(services::auditTrail, services.clock(), "operator", warning -> { }), background, fx);
    }

    /** The view model on the calling thread, with a connection test and sign-in of the test's own. */
    EnvironmentSettingsViewModel model(ConnectionTester tester, ShellViewModel.TokensSource tokens) {
        return new EnvironmentSettingsViewModel(session, services.settingsReader(), services.consoleSettingsEditor(),
                EnvironmentSettingsPageFactory.filesEditor(services), tester, tokens, services.signInStatuses(),
                new InterventionRecorder(services::auditTrail, services.clock(), "operator", warning -> { }), dialogs,
                services.osEnvironment(), this::reopen, Runnable::run, Runnable::run);
    }

    /** What the window does after a save: reopen the workspace, so every page sees the new settings. */
    private void reopen() {
        reopened.incrementAndGet();
        session.workspaceProperty().set(open());
    }

    Workspace open() {
        return services.workspaceLoader().open(workspaceRoot);
    }

    String text() throws java.io.IOException {
        return Files.readString(settingsFile);
    }

    List<AuditEntry> audit() {
        return services.auditTrail().entries(Optional.empty(), Optional.empty());
    }

    @Override
    public void close() {
        sandbox.close();
        services.close();
        handlers.shutdownNow();
        timers.shutdownNow();
    }
}
