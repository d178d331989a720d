package org.dbb.console.app.runs;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javafx.stage.Window;

import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.fx.FxExecutor;
import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.launch.LaunchDialog;
import org.dbb.console.app.launch.LaunchServices;
import org.dbb.console.app.launch.LaunchViewModel;
import org.dbb.console.app.launch.RerunDialog;
import org.dbb.console.app.launch.RerunViewModel;
import org.dbb.console.app.models.ModelSelectionAudit;
import org.dbb.console.app.shell.ConsolePage;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.audit.AuditTrail;
import org.dbb.console.core.audit.LaunchAudit;
import org.dbb.console.core.connect.SandboxOptions;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.history.RunHistoryEntry;
import org.dbb.console.core.launch.FabricRerunRequest;
import org.dbb.console.core.launch.PreparedFabricRerun;
import org.dbb.console.core.launch.PreparedRun;
import org.dbb.console.core.launch.RunLauncher;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RerunMode;
import org.dbb.console.core.workspace.Workspace;

/**
 * Builds the Runs page and carries out its actions: the launch and re-run dialogs, the confirmation of a Fabric
 * run's re-run with the parameters it will use, and resuming an interrupted run. Blocking work runs on the
 * background executor. Use on the FX thread.
 */
public final class RunsPage implements RunsViewModel.RunActions {

    public static final String ID = "runs";

    private final ConsoleSession session;
    private final RunsViewModel model;
    private final LaunchServices launchServices;
    private final Supplier<RunLauncher> launcher;
    private final Supplier<AuditTrail> audit;
    private final Function<Workspace, SandboxOptions> sandbox;
    private final Dialogs dialogs;
    private final ScheduledExecutorService background;
    private final FxExecutor fx;
    private final Clock clock;
    private final Supplier<Window> owner;
    private final Consumer<String> showRows;
    private final ModelSelectionAudit selectionAudit;

    public RunsPage(ConsoleSession session, RunsViewModel model, LaunchServices launchServices,
                    Supplier<RunLauncher> launcher, Supplier<AuditTrail> audit,
                    Function<Workspace, SandboxOptions> sandbox, Dialogs dialogs, ScheduledExecutorService background,
                    FxExecutor fx, Clock clock, Supplier<Window> owner, Consumer<String> showRows,
                    ModelSelectionAudit selectionAudit) {
        this.session = session;
        this.model = model;
        this.launchServices = launchServices;
        this.launcher = launcher;
        this.audit = audit;
        this.sandbox = sandbox;
        this.dialogs = dialogs;
        this.background = background;
        this.fx = fx;
        this.clock = clock;
        this.owner = owner;
        this.showRows = showRows;
        this.selectionAudit = selectionAudit;
        model.actions(this);
    }

    public RunsViewModel model() {
        return model;
    }

    public ConsolePage page(java.util.function.Supplier<org.dbb.console.app.timeline.TimelinePane> timeline) {
        return new ConsolePage(ID, "Runs", AppIcon.STAGE, () -> new RunsView(model, timeline.get()));
    }

    private void withSandbox(Workspace workspace, Consumer<LaunchServices> open) {
        background.execute(() -> {
            try {
                LaunchServices services = sandbox.apply(workspace).emulatorUrl()
                        .map(launchServices::withEmulator).orElse(launchServices);
                fx.execute(() -> open.accept(services));
            } catch (RuntimeException e) {
                fx.execute(() -> dialogs.showError("The sandbox could not be started", e.getMessage()));
            }
        });
    }

    @Override
    public void launch(Workspace workspace, String environment) {
        withSandbox(workspace, services -> new LaunchDialog(new LaunchViewModel(services, workspace, environment,
                session.refreshChoiceProperty().get(), approved -> model.active().start(
                        selectionAudit.recordingOnStart(workspace.root(), approved.request(), approved.prepared(),
                                background))))
                .show(owner.get()));
    }

    @Override
    public void rerun(Workspace workspace, RunRecord original) {
        withSandbox(workspace, services -> new RerunDialog(new RerunViewModel(services, workspace, original,
                approved -> model.active().start(approved.prepared()))).show(owner.get()));
    }

    @Override
    public void rerunFabric(Workspace workspace, RunHistoryEntry fabricRun) {
        if (!fabricRun.status().isTerminal()) {
            dialogs.showError("The run is still going", "Fabric run " + fabricRun.runId() + " has not ended; re-run"
                    + " its failed stage once it has.");
            return;
        }
        String stage = model.shownProperty().get() == null ? null : model.shownProperty().get().stages().stream()
                .filter(s -> s.state() == org.dbb.console.core.engine.StepState.FAILED).map(s -> s.name())
                .findFirst().orElse(null);
        if (stage == null) {
            dialogs.showError("No failed stage", "Fabric run " + fabricRun.runId() + " has no failed stage to re-run.");
            return;
        }
        String operator = launchServices.operator();
        FabricRerunRequest request = new FabricRerunRequest(fabricRun.environment(), fabricRun.runId(),
                RerunMode.STAGE_ONLY, stage, Map.of(), RefreshMode.POWER_BI_API, operator);
        background.execute(() -> {
            try {
                PreparedFabricRerun prepared = launcher.get().prepareFabricRerun(workspace, request,
                        sandbox.apply(workspace), Map.of());
                fx.execute(() -> confirmFabricRerun(prepared, stage));
            } catch (RuntimeException e) {
                fx.execute(() -> dialogs.showError("Fabric run " + fabricRun.runId() + " cannot be re-run",
                        e.getMessage()));
            }
        });
    }

    private void confirmFabricRerun(PreparedFabricRerun prepared, String stage) {
        String parameters = prepared.parameters().stream().map(p -> p.name() + " = " + p.shown() + "  ("
                + p.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")")
                .collect(Collectors.joining("\n"));
        boolean protectedEnv = prepared.run().connection().settings().protectedEnv();
        String message = "The console engine runs stage " + stage + " again with these parameters; the stages"
                + " before it are taken from the Fabric run.\n\n" + parameters;
        boolean go = protectedEnv
                ? dialogs.confirmTypedName("Re-run " + stage + " in " + prepared.run().plan().environment(), message,
                        prepared.run().plan().environment())
                : dialogs.confirm("Re-run " + stage + " of the Fabric run?", message, "Re-run " + stage);
        if (!go) {
            background.execute(prepared::close);
            return;
        }
        PreparedRun run = prepared.run().whenStarted(handle -> background.execute(() -> audit.get().record(
                LaunchAudit.entry(prepared.run().plan(), handle.runId(), clock.instant(), Optional.empty()))));
        model.active().start(run);
    }

    @Override
    public void resume(Workspace workspace, RunRecord interrupted) {
        if (!dialogs.confirm("Resume run " + interrupted.runId() + "?", "The console takes the run over under its"
                + " own id: steps that ended keep their result, jobs it had submitted are polled again, and nothing"
                + " is submitted twice.", "Resume")) {
            return;
        }
        background.execute(() -> {
            try {
                PreparedRun prepared = launcher.get().prepare(workspace, interrupted.request(),
                        sandbox.apply(workspace), Map.of());
                fx.execute(() -> model.active().resume(prepared, interrupted));
            } catch (RuntimeException e) {
                fx.execute(() -> dialogs.showError("Run " + interrupted.runId() + " cannot be resumed",
                        e.getMessage()));
            }
        });
    }

    @Override
    public void showRows(String runId) {
        showRows.accept(runId);
    }
}
