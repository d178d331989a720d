package org.dbb.console.app.launch;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import com.fasterxml.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.app.fx.FxBatcher;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.audit.LaunchAudit;
import org.dbb.console.core.database.DatabaseException;
import org.dbb.console.core.engine.RunRecord;
import org.dbb.console.core.launch.PreparedRun;
import org.dbb.console.core.plan.LaunchDefaults;
import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.problem.InvalidInputException;
import org.dbb.console.core.workspace.Workspace;
import org.dbb.console.core.workspace.config.EnvironmentSettings;

/**
 * What the launch and re-run dialogs share: reading the launch's defaults off the FX thread, the parameter form,
 * the protected-environment guard, the preview, and handing an approved run over with its audit entry. Call on
 * the FX thread; results arrive there through an {@link FxBatcher}.
 */
final class LaunchFlow {

    private static final Logger LOG = LoggerFactory.getLogger(LaunchFlow.class);

    private final LaunchServices services;
    private final Workspace workspace;
    private final String environment;
    private final boolean protectedEnvironment;
    private final ParameterForm form = new ParameterForm();
    private final PlanPreview preview;
    private final FxBatcher<Runnable> toFx;
    private boolean confirmed;

    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyBooleanWrapper launched = new ReadOnlyBooleanWrapper(this, "launched", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    LaunchFlow(LaunchServices services, Workspace workspace, String environment) {
        this.services = services;
        this.workspace = workspace;
        this.environment = environment;
        this.protectedEnvironment = workspace.settings().environment(environment)
                .map(EnvironmentSettings::protectedEnv).orElse(false);
        this.preview = new PlanPreview(services, workspace);
        this.toFx = new FxBatcher<>(services.fx(), batch -> batch.forEach(Runnable::run));
    }

    /**
     * Reads the defaults on the background executor, then fills the form (fields starting from {@code initial}
     * where it has a value) and hands the defaults to {@code then} on the FX thread.
     */
    void load(Map<String, JsonNode> initial, Consumer<LaunchDefaults> then) {
        status.set("Reading the parameters of " + workspace.settings().masterPipeline() + " for " + environment
                + " …");
        services.background().execute(() -> {
            try {
                LaunchDefaults defaults = services.defaults().read(workspace, environment);
                toFx.post(() -> {
                    form.load(defaults, initial);
                    form.fields().forEach(f -> f.textProperty().addListener((o, was, now) -> preview.invalidate()));
                    then.accept(defaults);
                    status.set("");
                    loaded.set(true);
                });
            } catch (InvalidInputException e) {
                toFx.post(() -> status.set("Cannot launch in " + environment + ": " + String.join("; ",
                        e.problems().stream().map(p -> p.format(workspace.root())).toList())));
            } catch (RuntimeException e) {
                LOG.error("Reading the launch defaults of {} failed", environment, e);
                toFx.post(() -> status.set("Cannot read the launch defaults of " + environment + ": "
                        + e.getMessage()));
            }
        });
    }

    /**
     * Previews {@code request}. In a protected environment the operator first types its name, before anything is
     * looked up, as {@code dbb run} asks before it signs in; once per dialog.
     */
    void preview(RunRequest request, Optional<RunRecord> original, String action) {
        if (protectedEnvironment && !confirmed) {
            confirmed = services.dialogs().confirmTypedName(action + " in " + environment, environment
                    + " is a protected environment. Type its name to sign in and plan the run there.", environment);
            if (!confirmed) {
                status.set("Nothing was looked up: the name of " + environment + " was not typed.");
                return;
            }
        }
        status.set("");
        preview.start(request, original);
    }

    /** Hands the previewed run to {@code receiver}; the audit entry is recorded once it starts. */
    void approve(Optional<String> reason, Consumer<ApprovedLaunch> receiver) {
        PreparedRun prepared = preview.take();
        RunPlan plan = prepared.plan();
        Optional<String> why = reason.map(String::strip).filter(r -> !r.isEmpty());
        PreparedRun audited = prepared.whenStarted(handle -> services.background().execute(() ->
                record(LaunchAudit.entry(plan, handle.runId(), services.clock().instant(), why))));
        launched.set(true);
        receiver.accept(new ApprovedLaunch(audited, plan.request(), why));
    }

    private void record(AuditEntry entry) {
        try {
            services.auditTrail().get().record(entry);
        } catch (DatabaseException e) {
            LOG.warn("The {} of {} is not in the audit trail", entry.action(), entry.runId().orElse("a run"), e);
            toFx.post(() -> services.dialogs().showError("Audit trail", e.getMessage()
                    + "\nThe run itself was started."));
        }
    }

    /** Closes what was previewed and not launched. */
    void close() {
        preview.close();
    }

    ParameterForm form() {
        return form;
    }

    PlanPreview preview() {
        return preview;
    }

    String environment() {
        return environment;
    }

    boolean protectedEnvironment() {
        return protectedEnvironment;
    }

    String operator() {
        return services.operator();
    }

    ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty launchedProperty() {
        return launched.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    void say(String text) {
        status.set(text);
    }
}
