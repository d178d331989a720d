package org.dbb.console.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.stage.Stage;

import org.dbb.console.app.audit.Interventions;
import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.dialogs.FxDialogs;
import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.models.FabricModelsLoader;
import org.dbb.console.app.models.ModelsPageFactory;
import org.dbb.console.app.retry.RetryPolicyPageFactory;
import org.dbb.console.app.sandbox.WindowSandbox;
import org.dbb.console.app.shell.ConsolePage;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.app.shell.ConsoleWindow;
import org.dbb.console.app.shell.ShellViewModel;
import org.dbb.console.app.shell.WindowPreferences;
import org.dbb.console.app.shell.WindowPreferencesStore;
import org.dbb.console.app.workspace.WorkspaceView;
import org.dbb.console.app.workspace.WorkspaceViewModel;
import org.dbb.console.core.emulator.scenario.Scenario;

/**
 * The window's part of the composition root: builds the session, every page's view model and the shell from the
 * services, and owns what the window needs while open (its sandbox emulator). Create on the FX thread; close after
 * the window has closed.
 */
public final class WindowComposition implements AutoCloseable {

    private final ConsoleWindow window;
    private final WindowSandbox sandbox;
    private final ConsoleSession session = new ConsoleSession();

    /**
     * @param scenario how the window's sandbox emulator behaves
     * @param stage    the window's stage, owner of its dialogs
     */
    public WindowComposition(ConsoleServices services, WindowPreferences preferences,
                             WindowPreferencesStore preferencesStore, Scenario scenario, Stage stage) {
        FxExecutor fx = new FxExecutor();
        Dialogs dialogs = new FxDialogs(() -> stage);
        sandbox = new WindowSandbox(Optional.empty(), scenario, services.executors().emulatorHandlers(),
                services.executors().emulatorTimers());
        String operator = System.getProperty("user.name", "unknown");
        Interventions interventions = Interventions.byOsUser(services::auditTrail, services.clock());
        WorkspaceViewModel overview = new WorkspaceViewModel(services.workspaceLoader(),
                services.masterStagesReader(), services.workspaceValidator(), services.executors().background(), fx);

        List<ConsolePage> pages = new ArrayList<>();
        pages.add(new ConsolePage("overview", "Overview", AppIcon.OVERVIEW, () -> new WorkspaceView(overview)));
        pages.add(ModelsPageFactory.page(session, new FabricModelsLoader(services.runLauncher(),
                        () -> sandbox.options(session.workspace()), operator), interventions,
                services.consoleSettingsEditor(), dialogs, services.executors().background(), fx, services.clock()));

        pages.add(RetryPolicyPageFactory.page(RetryPolicyPageFactory.viewModel(services, session, dialogs,
                () -> sandbox.options(session.workspace()), fx)));

        ShellViewModel shell = new ShellViewModel(session, pages, services.signInStatuses(),
                (ws, env) -> services.signIn().tokensFor(env, Map.of()), services.executors().background(), fx);
        window = new ConsoleWindow(shell, overview, preferences, preferencesStore::save);
    }

    public ConsoleWindow window() {
        return window;
    }

    public ConsoleSession session() {
        return session;
    }

    public WindowSandbox sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
