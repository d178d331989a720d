package org.dbb.console.app.launch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

import org.dbb.console.app.shell.RefreshChoice;
import org.dbb.console.core.plan.LaunchDefaults;
import org.dbb.console.core.plan.LaunchParameter;
import org.dbb.console.core.plan.ParameterRole;
import org.dbb.console.core.plan.RefreshMode;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.workspace.Workspace;

/**
 * The launch dialog's state: the master pipeline's parameters typed and checked as the operator types, the
 * maintenance flag, the models to refresh, the refresh concurrency cap and a reason; Preview plans the run off the
 * FX thread exactly as {@code dbb run --dry-run} does, and Launch hands the previewed run to the receiver given at
 * construction. Any change of input drops the preview. Call commands on the FX thread; properties change there.
 */
public final class LaunchViewModel extends PreviewedRunViewModel {

    private LaunchDefaults defaults;

    // Properties
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final BooleanProperty maintenance = new SimpleBooleanProperty(this, "maintenance");
    private final ReadOnlyBooleanWrapper maintenanceAvailable = new ReadOnlyBooleanWrapper(this,
            "maintenanceAvailable");
    private final ObservableList<ModelChoice> models = FXCollections.observableArrayList(
            m -> new Observable[] {m.selectedProperty()});
    /** One read-only view, kept: a view made per call would drop its listeners when collected. */
    private final ObservableList<ModelChoice> modelsView = FXCollections.unmodifiableObservableList(models);
    private final ReadOnlyStringWrapper modelsNote = new ReadOnlyStringWrapper(this, "modelsNote", "");
    private final ObjectProperty<Integer> cap = new SimpleObjectProperty<>(this, "cap");
    private final ReadOnlyIntegerWrapper defaultCap = new ReadOnlyIntegerWrapper(this, "defaultCap", 1);
    private final ReadOnlyStringWrapper capDefault = new ReadOnlyStringWrapper(this, "capDefault", "");
    private final ReadOnlyStringWrapper capMessage = new ReadOnlyStringWrapper(this, "capMessage", "");

    /**
     * @param services    the console's launch services
     * @param workspace   the open workspace repository
     * @param environment the environment to launch in, as in {@code dbb-console.yml}
     * @param choice      the models and cap chosen on the Models page, the form's starting point
     * @param onLaunch    receives the approved run on the FX thread, once
     */
    public LaunchViewModel(LaunchServices services, Workspace workspace, String environment, RefreshChoice choice,
                           Consumer<ApprovedLaunch> onLaunch) {
        super(new LaunchFlow(services, workspace, environment), onLaunch);
        Objects.requireNonNull(choice, "choice");
        title.set("Launch " + workspace.settings().masterPipeline() + " in " + environment);
        optionsValidWhen(capMessage.isEmpty());
        cap.addListener((o, was, now) -> {
            capMessage.set(now != null && now < 1 ? "the refresh concurrency must be at least 1, was " + now : "");
            flow.preview().invalidate();
        });
        maintenance.addListener((o, was, now) -> flow.preview().invalidate());
        models.addListener((Observable o) -> {
            noteModels();
            flow.preview().invalidate();
        });
        flow.load(Map.of(), loaded -> show(loaded, choice));
    }

    private void show(LaunchDefaults loaded, RefreshChoice choice) {
        defaults = loaded;
        maintenanceAvailable.set(loaded.maintenanceAvailable());
        maintenance.set(loaded.parameters().stream().filter(p -> p.role() == ParameterRole.MAINTENANCE_FLAG)
                .findFirst().flatMap(LaunchParameter::defaultValue).map(JsonNode::asBoolean).orElse(false));
        List<String> missing = choice.models().stream().filter(m -> !loaded.models().contains(m)).toList();
        models.setAll(loaded.models().stream().map(m -> new ModelChoice(m, choice.models().isEmpty()
                || choice.models().contains(m))).toList());
        if (!missing.isEmpty()) {
            modelsNote.set(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not refreshed in "
                    + loaded.environment() + " and left out.");
        }
        defaultCap.set(loaded.cap());
        capDefault.set("Plan default: " + loaded.cap() + " (" + loaded.capSource() + ")");
        cap.set(choice.cap().isPresent() ? choice.cap().getAsInt() : null);
        flow.preview().invalidate();
    }

    private void noteModels() {
        long chosen = models.stream().filter(m -> m.selectedProperty().get()).count();
        modelsNote.set(chosen == 0 && !models.isEmpty() ? "No model will be refreshed." : "");
    }

    // Commands

    @Override
    public void preview() {
        previewIfAllowed(this::request, Optional.empty(), "Launch a run");
    }

    /** Hands the previewed run to the receiver; only with a valid preview. */
    public void launch() {
        handOverIfAllowed();
    }

    /** Ticks every model. */
    public void selectAllModels() {
        models.forEach(m -> m.selectedProperty().set(true));
    }

    /** Unticks every model. */
    public void selectNoModels() {
        models.forEach(m -> m.selectedProperty().set(false));
    }

    /** The request the inputs make, as {@code dbb run} would make it from the same options. */
    RunRequest request() {
        Map<String, JsonNode> parameters = new LinkedHashMap<>(flow.form().values());
        boolean flagOnByDefault = defaults.parameters().stream()
                .filter(p -> p.role() == ParameterRole.MAINTENANCE_FLAG).findFirst()
                .flatMap(LaunchParameter::defaultValue).map(JsonNode::asBoolean).orElse(false);
        if (!maintenance.get() && flagOnByDefault) {
            // the environment runs maintenance by default; unticking it has to say so
            defaults.parameters().stream().filter(p -> p.role() == ParameterRole.MAINTENANCE_FLAG)
                    .forEach(p -> parameters.put(p.name(), BooleanNode.FALSE));
        }
        List<String> chosen = new ArrayList<>(models.stream().filter(m -> m.selectedProperty().get())
                .map(ModelChoice::name).toList());
        Optional<List<String>> modelList = chosen.size() == models.size() ? Optional.empty() : Optional.of(chosen);
        OptionalInt concurrency = cap.get() == null ? OptionalInt.empty() : OptionalInt.of(cap.get());
        return new RunRequest(flow.environment(), parameters, maintenance.get(), modelList,
                concurrency, RefreshMode.POWER_BI_API, flow.operator(), Optional.empty());
    }

    // Properties

    /** E.g. {@code Launch orchestration_pipeline_DBB in sandbox}. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Run the optional maintenance stage; starts from the environment's default. */
    public BooleanProperty maintenanceProperty() {
        return maintenance;
    }

    /** Whether the master pipeline has a maintenance flag to set. */
    public ReadOnlyBooleanProperty maintenanceAvailableProperty() {
        return maintenanceAvailable.getReadOnlyProperty();
    }

    /** The environment's semantic models, each ticked when it is to be refreshed. */
    public ObservableList<ModelChoice> models() {
        return modelsView;
    }

    /** A remark about the model choice (none ticked, some from the Models page not available here). */
    public ReadOnlyStringProperty modelsNoteProperty() {
        return modelsNote.getReadOnlyProperty();
    }

    /** The refresh concurrency cap; null means the plan's default, see {@link #capDefaultProperty()}. */
    public ObjectProperty<Integer> capProperty() {
        return cap;
    }

    /** The cap the plan uses when none is set. */
    public ReadOnlyIntegerProperty defaultCapProperty() {
        return defaultCap.getReadOnlyProperty();
    }

    /** The cap the plan uses when none is set, and where it comes from. */
    public ReadOnlyStringProperty capDefaultProperty() {
        return capDefault.getReadOnlyProperty();
    }

    /** Why the cap is not valid; empty when it is. */
    public ReadOnlyStringProperty capMessageProperty() {
        return capMessage.getReadOnlyProperty();
    }

    /** Whether Launch is enabled: the preview is of exactly the inputs as they stand. */
    public BooleanBinding canLaunchProperty() {
        return canHandOver();
    }
}
