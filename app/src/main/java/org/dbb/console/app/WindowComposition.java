package org.dbb.console.app;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.stage.Stage;

import org.dbb.console.app.audit.InterventionRecorder;
import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.dialogs.FxDialogs;
import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.models.FabricModelsLoader;
import java.util.concurrent.atomic.AtomicReference;

import org.dbb.console.app.launch.LaunchServices;
import org.dbb.console.app.models.ModelSelectionAudit;
import org.dbb.console.app.models.ModelSelectionStore;
import org.dbb.console.app.models.ModelsPageFactory;
import org.dbb.console.app.monitoring.MonitoringPage;
import org.dbb.console.app.monitoring.MonitoringViewModel;
import org.dbb.console.app.runs.RunSessionViewModel;
import org.dbb.console.app.runs.RunsPage;
import org.dbb.console.app.runs.RunsViewModel;
import org.dbb.console.app.shell.ShellShortcut;
import org.dbb.console.app.timeline.SystemLinkOpener;
import org.dbb.console.app.timeline.TimelinePane;
import org.dbb.console.core.timeline.FabricPortalLinks;
import org.dbb.console.core.timeline.RunTimeline;
import org.dbb.console.core.timeline.StepRow;
import org.dbb.console.core.timeline.TimelineEstimates;
import org.dbb.console.app.params.ParameterPageFactory;
import org.dbb.console.app.retry.RetryPolicyPageFactory;
import org.dbb.console.app.settings.EnvironmentSettingsPageFactory;
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
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final MonitoringViewModel monitoring;
    private final RunsPage runsPage;

    /**
     * @param scenario how the window's sandbox emulator behaves
     * @param stage    the window's stage, owner of its dialogs
     */
    public WindowComposition(ConsoleServices services, WindowPreferences preferences,
                             WindowPreferencesStore preferencesStore, Scenario scenario, Stage stage) {
        this(services, preferences, preferencesStore, scenario, Optional.empty(), stage);
    }

    /**
     * @param scenario how the window's in-process sandbox emulator behaves
     * @param emulator an emulator already running (e.g. {@code dbb emulator}) for the sandbox, instead of one
     *                 started in-process; it outlives the window, so runs interrupted by closing it can be resumed
     * @param stage    the window's stage, owner of its dialogs
     */
    public WindowComposition(ConsoleServices services, WindowPreferences preferences,
                             WindowPreferencesStore preferencesStore, Scenario scenario, Optional<URI> emulator,
                             Stage stage) {
        FxExecutor fx = new FxExecutor();
        Dialogs dialogs = new FxDialogs(() -> stage);
        sandbox = new WindowSandbox(emulator, scenario, services.executors().emulatorHandlers(),
                services.executors().emulatorTimers());
        String operator = System.getProperty("user.name", "unknown");
        InterventionRecorder interventions = InterventionRecorder.forOsUser(services::auditTrail, services.clock(),
                warning -> org.slf4j.LoggerFactory.getLogger(WindowComposition.class).warn("Audit trail: {}", warning));
        WorkspaceViewModel overview = new WorkspaceViewModel(services.workspaceLoader(),
                services.masterStagesReader(), services.workspaceValidator(), services.executors().background(), fx);

        ModelSelectionStore selections = services.modelSelections();
        List<ConsolePage> pages = new ArrayList<>();
        pages.add(new ConsolePage("overview", "Overview", AppIcon.OVERVIEW, () -> new WorkspaceView(overview)));
        pages.add(ModelsPageFactory.page(session, new FabricModelsLoader(services::runLauncher,
                        () -> sandbox.options(session.workspace()), operator), interventions,
                services.consoleSettingsEditor(), selections, dialogs, services.executors().background(), fx,
                services.clock()));

        pages.add(ParameterPageFactory.page(services, session, dialogs));
        pages.add(RetryPolicyPageFactory.page(RetryPolicyPageFactory.viewModel(services, session, dialogs,
                () -> sandbox.options(session.workspace()), fx)));

        pages.add(EnvironmentSettingsPageFactory.page(EnvironmentSettingsPageFactory.viewModel(services, session,
                dialogs, () -> sandbox.options(session.workspace()), () -> overview.open(session.rootProperty().get()),
                fx)));

        RunSessionViewModel activeRun = new RunSessionViewModel(session, dialogs, services.executors().background(),
                fx, services.clock(), env -> TimelineEstimates.load(services.runJournal(), env, 20));
        RunsViewModel runs = new RunsViewModel(session, activeRun, services::runJournal, services::runLauncher,
                sandbox::options, dialogs, services.executors().background(), fx, services.clock());
        closeables.add(runs);
        monitoring = MonitoringPage.model(session, environment -> services.monitoringStore(), services.writer(),
                dialogs, services.clock(), services.executors().background(), fx);
        closeables.add(monitoring::close);
        AtomicReference<ShellViewModel> shellRef = new AtomicReference<>();
        runsPage = new RunsPage(session, runs, LaunchServices.of(services, dialogs, services.executors().background(),
                fx), services::runLauncher, services::auditTrail, sandbox::options, dialogs,
                services.executors().background(), fx, services.clock(), () -> stage, runId -> {
                    monitoring.showRun(runId);
                    shellRef.get().showPage(MonitoringPage.ID);
                }, new ModelSelectionAudit(selections, services::auditTrail, services.clock()));
        pages.add(1, runsPage.page(() -> TimelinePane.create(services.clock(),
                step -> portalLink(session, activeRun, runs, step), new SystemLinkOpener(services.executors().background()))));
        pages.add(2, MonitoringPage.page(monitoring));

        ShellViewModel shell = new ShellViewModel(session, pages, services.signInStatuses(),
                (ws, env) -> services.signIn().tokensFor(env, Map.of()), services.executors().background(), fx);
        shellRef.set(shell);
        shell.actions().register(ShellShortcut.LAUNCH, RunsPage.ID, runs::launch);
        shell.actions().register(ShellShortcut.CANCEL, RunsPage.ID, runs::cancel);
        shell.actions().register(ShellShortcut.RERUN, RunsPage.ID, runs::rerun);
        window = new ConsoleWindow(shell, overview, preferences, preferencesStore::save,
                services.executors().background(), fx);
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

    public RunsPage runsPage() {
        return runsPage;
    }

    public MonitoringViewModel monitoring() {
        return monitoring;
    }

    /** The portal page of a step's item, in the workspace of the run it belongs to. */
    private static Optional<java.net.URI> portalLink(ConsoleSession session, RunSessionViewModel active,
                                                     RunsViewModel runs, StepRow step) {
        RunTimeline shown = runs.shownProperty().get();
        return Optional.ofNullable(shown).flatMap(RunTimeline::workspaceId)
                .flatMap(ws -> FabricPortalLinks.step(ws, step));
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(WindowComposition.class).warn("Closing {} failed", c, e);
            }
        }
        sandbox.close();
    }
}
