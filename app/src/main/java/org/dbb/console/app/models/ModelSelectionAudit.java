package org.dbb.console.app.models;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dbb.console.core.audit.AuditAction;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.audit.AuditTrail;
import org.dbb.console.core.database.DatabaseException;
import org.dbb.console.core.launch.PreparedRun;
import org.dbb.console.core.plan.RunRequest;

/**
 * Records a "model selection" intervention when a launch, from the window or {@code dbb run}, refreshes other
 * semantic models than the previous launch from this console in the same workspace × environment: {@code before → after}, linked to the run. The audit
 * trail records what reached Fabric and ends up in the release note, so a selection counts when a launch uses it;
 * ticking boxes on the Models page (saved as a preference in {@link ModelSelectionStore}) is not an intervention
 * by itself. The launch's own entry lists its models as well; this one says what changed. Re-runs keep their
 * original's models and are not recorded here. Thread-safe.
 */
public final class ModelSelectionAudit {

    private static final Logger LOG = LoggerFactory.getLogger(ModelSelectionAudit.class);

    private final ModelSelectionStore store;
    private final Supplier<AuditTrail> trail;
    private final Clock clock;

    /**
     * @param store where the models of the previous launch are kept
     * @param trail the audit trail, opened on first use (off the FX thread)
     * @param clock when entries happen
     */
    public ModelSelectionAudit(ModelSelectionStore store, Supplier<AuditTrail> trail, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.trail = Objects.requireNonNull(trail, "trail");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The same prepared run, which records the change of models on {@code background} once it has started. A
     * re-run is returned as it is.
     *
     * @param workspace the repository the run was planned from
     */
    public PreparedRun recordingOnStart(Path workspace, RunRequest request, PreparedRun prepared,
                                        Executor background) {
        if (request.rerun().isPresent()) {
            return prepared;
        }
        return prepared.whenStarted(handle -> background.execute(() -> record(workspace, request, handle.runId())));
    }

    /**
     * Records the change of models of the launch {@code runId}, if there is one (blocking).
     *
     * @return the entry recorded; empty when the models are those of the previous launch or the trail failed
     *         (which is logged: the run itself is going)
     */
    public Optional<AuditEntry> record(Path workspace, RunRequest request, String runId) {
        List<String> models = request.models().orElse(List.of());
        Optional<ModelSelectionChange> change = store.launched(workspace, request.environment(), models);
        if (change.isEmpty()) {
            return Optional.empty();
        }
        AuditEntry entry = AuditEntry.of(clock.instant(), request.operator(), request.environment(),
                        AuditAction.MODEL_SELECTION, "run " + runId + " · semantic models to refresh")
                .withChange(ModelSelectionChange.describe(change.get().before()),
                        ModelSelectionChange.describe(change.get().after()))
                .withRun(runId);
        try {
            return Optional.of(trail.get().record(entry));
        } catch (DatabaseException e) {
            LOG.warn("The model selection of run {} is not in the audit trail", runId, e);
            return Optional.empty();
        }
    }
}
