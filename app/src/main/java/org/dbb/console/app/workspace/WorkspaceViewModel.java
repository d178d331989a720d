package org.dbb.console.app.workspace;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.problem.Problem;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.WorkspaceLoader;
import org.dbb.console.core.workspace.config.EnvironmentSettings;
import org.dbb.console.core.workspace.pipeline.Activity;
import org.dbb.console.core.workspace.pipeline.ActivityPolicy;
import org.dbb.console.core.workspace.pipeline.Timeouts;
import org.dbb.console.core.workspace.stages.MasterStages;
import org.dbb.console.core.workspace.stages.MasterStagesReader;
import org.dbb.console.core.workspace.stages.Stage;
import org.dbb.console.core.workspace.validate.WorkspaceReport;
import org.dbb.console.core.workspace.validate.WorkspaceValidator;

/**
 * The opened workspace as the window shows it: name, environments, items and problems. Loading runs on the
 * background executor; every property changes on the UI executor only. Call commands on the UI thread.
 */
public final class WorkspaceViewModel {

    private final WorkspaceLoader loader;
    private final MasterStagesReader stagesReader;
    private final WorkspaceValidator validator;
    private final Executor background;
    private final Executor ui;

    // Properties
    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(LoadState.LOADING);
    private final ReadOnlyStringWrapper workspaceName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper workspacePath = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<EnvironmentRow> environments = FXCollections.observableArrayList();
    private final ObjectProperty<EnvironmentRow> selectedEnvironment = new SimpleObjectProperty<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<Workspace> workspace =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "workspace");
    private final ObservableList<ItemRow> items = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<StageRow> stages = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper masterPipeline = new ReadOnlyStringWrapper("");

    public WorkspaceViewModel(WorkspaceLoader loader, MasterStagesReader stagesReader, WorkspaceValidator validator,
                              Executor background, Executor ui) {
        this.loader = loader;
        this.stagesReader = stagesReader;
        this.validator = validator;
        this.background = background;
        this.ui = ui;
    }

    // Commands

    /** Opens the workspace at {@code root}; progress and outcome arrive through the properties. */
    public void open(Path root) {
        state.set(LoadState.LOADING);
        status.set("Opening workspace " + root + " …");
        background.execute(() -> {
            try {
                Workspace workspace = loader.open(root);
                MasterStages master = stagesReader.read(workspace);
                ui.execute(() -> show(workspace, master));
                // The full check reads every file again; the items and stages are worth showing before it ends.
                WorkspaceReport report = validator.validate(workspace.root(), java.util.Optional.empty());
                ui.execute(() -> showReport(workspace, report));
            } catch (InvalidInputException e) {
                ui.execute(() -> fail(root, e.problems()));
            } catch (RuntimeException e) {
                ui.execute(() -> fail(root, List.of(Problem.error(root, 0, 0,
                        e.getClass().getSimpleName() + ": " + e.getMessage()))));
            }
        });
    }

    private void show(Workspace workspace, MasterStages master) {
        this.workspace.set(workspace);
        Path repo = workspace.settings().repositoryDirectory();
        workspaceName.set(workspace.name());
        workspacePath.set(workspace.root().toString());
        String previous = selectedEnvironment.get() == null ? null : selectedEnvironment.get().name();
        environments.setAll(workspace.settings().environments().values().stream().map(WorkspaceViewModel::row)
                .toList());
        // Reopening (F5, a saved settings change) keeps the environment the operator was looking at.
        selectedEnvironment.set(environments.stream().filter(e -> e.name().equals(previous)).findFirst()
                .orElse(environments.isEmpty() ? null : environments.get(0)));
        items.setAll(workspace.items().items().stream()
                .map(i -> new ItemRow(i.type(), i.displayName(), repo.relativize(i.folder()).toString()))
                .sorted(Comparator.comparing(ItemRow::type).thenComparing(ItemRow::displayName))
                .toList());
        masterPipeline.set(workspace.settings().masterPipeline());
        stages.setAll(master.layout().stages().stream().map(WorkspaceViewModel::row).toList());
        problems.setAll(master.layout().problems().stream().map(p -> p.format(workspace.root())).toList());
        status.set(summary() + " · checking every file of the workspace …");
        state.set(LoadState.READY);
    }

    private void showReport(Workspace workspace, WorkspaceReport report) {
        problems.setAll(report.problems().stream().map(p -> p.format(workspace.root())).toList());
        status.set(summary() + " · " + count(report.errors().size(), "error") + ", "
                + count(report.warnings().size(), "warning"));
    }

    private String summary() {
        return items.size() + " items · " + stages.size() + " stages · " + environments.size() + " environments";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void fail(Path root, List<Problem> found) {
        workspace.set(null);
        Path name = root.getFileName();
        workspaceName.set(name == null ? root.toString() : name.toString());
        workspacePath.set(root.toString());
        problems.setAll(found.stream().map(p -> p.format(root.toAbsolutePath())).toList());
        status.set("The workspace could not be opened: " + found.size() + " problem(s)");
        state.set(LoadState.FAILED);
    }

    private static StageRow row(Stage stage) {
        return new StageRow(stage.number(), stage.name(), stage.activities().stream().map(WorkspaceViewModel::row)
                .toList());
    }

    private static ActivityRow row(Activity activity) {
        ActivityPolicy policy = activity.effectivePolicy();
        boolean written = activity.policy().isPresent();
        String timeout = Timeouts.describe(policy.effectiveTimeout());
        String interval = policy.effectiveRetry() == 0 ? "—" : policy.effectiveRetryIntervalInSeconds() + " s";
        return new ActivityRow(activity.name(), activity.type(),
                written ? policy.retryWording() : "no policy · " + policy.retryWording(),
                interval, timeout, !activity.isActive());
    }

    private static EnvironmentRow row(EnvironmentSettings env) {
        String where = env.emulator()
                ? "sandbox (embedded Fabric emulator)"
                : "workspace " + env.workspace().map(Object::toString).orElse("?");
        return new EnvironmentRow(env.name(), where, env.protectedEnv());
    }

    // Property accessors

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The loaded repository; null while loading or after a failed load. */
    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    /** Selects the environment named {@code name}, when the workspace has one. */
    public void selectEnvironment(String name) {
        environments.stream().filter(e -> e.name().equals(name)).findFirst().ifPresent(selectedEnvironment::set);
    }

    public ReadOnlyStringProperty workspaceNameProperty() {
        return workspaceName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty workspacePathProperty() {
        return workspacePath.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<EnvironmentRow> environments() {
        return FXCollections.unmodifiableObservableList(environments);
    }

    public ObjectProperty<EnvironmentRow> selectedEnvironmentProperty() {
        return selectedEnvironment;
    }

    public ObservableList<ItemRow> items() {
        return FXCollections.unmodifiableObservableList(items);
    }

    public ObservableList<StageRow> stages() {
        return FXCollections.unmodifiableObservableList(stages);
    }

    public ReadOnlyStringProperty masterPipelineProperty() {
        return masterPipeline.getReadOnlyProperty();
    }

    public ObservableList<String> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }
}
