package org.dbb.console.app.launch;

import java.util.Objects;
import java.util.Optional;

import org.dbb.console.core.launch.PreparedRun;
import org.dbb.console.core.plan.RunRequest;

/**
 * A run the operator previewed and approved in the launch or re-run dialog, ready to start: call
 * {@code prepared().start(listener)} (it returns at once) and close {@code prepared()} after the run has ended. The
 * audit entry is recorded, off the calling thread, as the run starts. Immutable.
 *
 * @param prepared the planned run over its open connection; the receiver owns it from now on
 * @param request  what the operator asked for (a launch, or a re-run linked to its original)
 * @param reason   why, as the operator gave it, for the audit trail
 */
public record ApprovedLaunch(PreparedRun prepared, RunRequest request, Optional<String> reason) {

    public ApprovedLaunch {
        Objects.requireNonNull(prepared, "prepared");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(reason, "reason");
    }
}
