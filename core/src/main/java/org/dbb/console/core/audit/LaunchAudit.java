package org.dbb.console.core.audit;

import org.dbb.console.core.history.RunOrigin;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.dbb.console.core.plan.RunPlan;
import org.dbb.console.core.plan.RunRequest;
import org.dbb.console.core.workspace.config.SettingValue;

/**
 * The audit entry for a run an operator launched or re-ran, the same from the command line and the window: who,
 * where, which run, what was chosen (parameters with securestring values masked, maintenance, models,
 * concurrency) and why. Stateless and thread-safe.
 */
public final class LaunchAudit {

    private LaunchAudit() {
    }

    /**
     * The entry for the run {@code runId} started from {@code plan}: a launch, or a re-run naming its original and
     * what it repeats.
     *
     * @param reason why, as the operator gave it; blank counts as none
     */
    public static AuditEntry entry(RunPlan plan, String runId, Instant at, Optional<String> reason) {
        RunRequest request = plan.request();
        AuditEntry entry = request.rerun()
                .map(rerun -> AuditEntry.of(at, request.operator(), request.environment(), AuditAction.RERUN,
                        (rerun.originalOrigin() == RunOrigin.FABRIC ? "Fabric run " : "run ")
                                + rerun.originalRunId() + ": " + rerun.describe()))
                .orElseGet(() -> AuditEntry.of(at, request.operator(), request.environment(), AuditAction.LAUNCH,
                        "run " + runId));
        return entry.withChange(null, choices(plan)).withRun(runId).withReason(reason.orElse(null));
    }

    /** What the operator chose; a securestring parameter's value never reaches the trail. */
    private static String choices(RunPlan plan) {
        RunRequest r = plan.request();
        Map<String, String> shown = new TreeMap<>();
        r.parameters().forEach((name, value) -> shown.put(name, plan.isSecure(name) ? SettingValue.MASK
                : value.toString()));
        return "parameters " + shown + (r.maintenance() ? ", maintenance" : "")
                + r.models().map(m -> ", models " + String.join(", ", m)).orElse("")
                + (r.concurrency().isPresent() ? ", concurrency " + r.concurrency().getAsInt() : "");
    }
}
