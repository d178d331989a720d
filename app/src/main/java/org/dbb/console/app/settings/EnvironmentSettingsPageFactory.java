package org.dbb.console.app.settings;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.app.audit.InterventionRecorder;
import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.shell.ConsolePage;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.workspace.config.edit.EnvironmentFilesEditor;

/** Builds the "Environments" settings page of the console window from explicit dependencies. Stateless. */
public final class EnvironmentSettingsPageFactory {

    public static final String PAGE_ID = "settings";

    private EnvironmentSettingsPageFactory() {
    }

    /** The page showing {@code model}. */
    public static ConsolePage page(EnvironmentSettingsViewModel model) {
        return new ConsolePage(PAGE_ID, "Environments", AppIcon.SETTINGS, () -> new EnvironmentSettingsView(model));
    }

    /**
     * The page's view model over the console's services. Call on the FX thread.
     *
     * @param sandbox   how a connection test reaches the sandbox (the window's sandbox emulator); called off the
     *                  FX thread
     * @param afterSave run on the FX thread once the file is written, e.g. to reopen the workspace
     * @param fx        the FX executor ({@code new FxExecutor()})
     */
    public static EnvironmentSettingsViewModel viewModel(ConsoleServices services, ConsoleSession session,
                                                         Dialogs dialogs, Supplier<SandboxOptions> sandbox,
                                                         Runnable afterSave, Executor fx) {
        return viewModel(services, session, dialogs, sandbox, afterSave,
                InterventionRecorder.forOsUser(services::auditTrail, services.clock(), warning -> { }), services.executors().background(), fx);
    }

    /**
     * As {@link #viewModel(ConsoleServices, ConsoleSession, Dialogs, Supplier, Runnable, Executor)}, with who the
     * audit trail names and the executor file and network work runs on.
     */
    public static EnvironmentSettingsViewModel viewModel(ConsoleServices services, ConsoleSession session,
                                                         Dialogs dialogs, Supplier<SandboxOptions> sandbox,
                                                         Runnable afterSave, InterventionRecorder interventions,
                                                         Executor background, Executor fx) {
        ConnectionTester tester = (repository, environment, progress) ->
                services.connectionCheck().check(repository, environment, sandbox.get(), progress);
        return new EnvironmentSettingsViewModel(session, services.settingsReader(), services.consoleSettingsEditor(),
                filesEditor(services), tester, (workspace, env) -> services.signIn().tokensFor(env, Map.of()), services.signInStatuses(),
                interventions, dialogs, services.osEnvironment(), afterSave, background, fx);
    }

    /**
     * Saves an environment edit in dbb-console.yml and, for a rename or removal, in parameter.yml; the saved model
     * selections follow a rename or removal once both are written.
     */
    public static EnvironmentFilesEditor filesEditor(ConsoleServices services) {
        return new EnvironmentFilesEditor(services.consoleSettingsEditor(), services.parameterFileEditor(),
                services.parameterValidator(), services.writer(), List.of(services.modelSelections()));
    }
}
