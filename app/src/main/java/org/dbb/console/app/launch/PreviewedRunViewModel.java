package org.dbb.console.app.launch;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.plan.RunRequest;

/**
 * What the launch and re-run dialogs' view models share: the parameter form, the reason, the dry-run preview and
 * the rule that a run is handed over only after a preview of exactly the inputs as they stand. Call commands on the
 * FX thread; properties change there.
 */
public abstract class PreviewedRunViewModel {

    final LaunchFlow flow;
    private final Consumer<ApprovedLaunch> receiver;
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    /** The subclass's own options besides the parameter form; bound once by {@link #optionsValidWhen}. */
    private final BooleanProperty optionsValid = new SimpleBooleanProperty(this, "optionsValid", true);
    private final BooleanBinding canPreview;
    private final BooleanBinding canHandOver;

    PreviewedRunViewModel(LaunchFlow flow, Consumer<ApprovedLaunch> receiver) {
        this.flow = flow;
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        canPreview = Bindings.createBooleanBinding(() -> flow.loadedProperty().get() && inputsValid()
                        && flow.preview().stateProperty().get() != PreviewState.PREPARING
                        && !flow.launchedProperty().get(),
                flow.loadedProperty(), flow.form().validProperty(), optionsValid, flow.preview().stateProperty(),
                flow.launchedProperty());
        canHandOver = Bindings.createBooleanBinding(() -> inputsValid()
                        && flow.preview().stateProperty().get() == PreviewState.READY
                        && !flow.launchedProperty().get(),
                flow.form().validProperty(), optionsValid, flow.preview().stateProperty(), flow.launchedProperty());
    }

    /** Called once from the subclass's constructor: what its own options must meet to be previewed. */
    final void optionsValidWhen(ObservableBooleanValue rule) {
        optionsValid.bind(rule);
    }

    private boolean inputsValid() {
        return flow.form().validProperty().get() && optionsValid.get();
    }

    /** Plans {@code request} when the inputs allow a preview; the request is made only then. */
    final void previewIfAllowed(Supplier<RunRequest> request, Optional<RunRecord> original, String action) {
        if (!canPreview.get()) {
            return;
        }
        flow.preview(request.get(), original, action);
    }

    /** Hands the previewed run to the receiver given at construction; only with a valid preview. */
    final void handOverIfAllowed() {
        if (!canHandOver.get()) {
            return;
        }
        flow.approve(Optional.ofNullable(reason.get()), receiver);
    }

    final BooleanBinding canHandOver() {
        return canHandOver;
    }

    // Commands

    /** Plans the run as the inputs stand, off the FX thread; a protected environment first asks for its name. */
    public abstract void preview();

    /** Closes what was previewed and not launched; call when the dialog goes away. */
    public void close() {
        flow.close();
    }

    // Properties

    public String environment() {
        return flow.environment();
    }

    /** Whether the environment is protected (production): Preview first asks for its name. */
    public boolean protectedEnvironment() {
        return flow.protectedEnvironment();
    }

    /** What the dialog waits for or why it cannot go on, in a sentence; empty when there is nothing to say. */
    public ReadOnlyStringProperty statusProperty() {
        return flow.statusProperty();
    }

    /** Whether the parameters and options have been read. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return flow.loadedProperty();
    }

    /** The master pipeline's parameters as text fields, checked as the operator types. */
    public ParameterForm form() {
        return flow.form();
    }

    /** Why, for the audit trail and the release note; optional. */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** The dry run: its state, progress, plan tree and text, problems. */
    public PlanPreview planPreview() {
        return flow.preview();
    }

    public BooleanBinding canPreviewProperty() {
        return canPreview;
    }

    /** Whether the run was handed over; the dialog closes then. */
    public ReadOnlyBooleanProperty launchedProperty() {
        return flow.launchedProperty();
    }
}
