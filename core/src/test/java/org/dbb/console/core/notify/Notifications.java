package org.dbb.console.core.notify;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** Sample notifications for the tests of this package. Stateless. */
final class Notifications {

    static final Instant AT = Instant.parse("2025-03-01T02:14:09Z");

    private Notifications() {
    }

    /** A failed Transformation stage of run {@code runId} in PROD, with every optional part filled in. */
    static Notification runFailed(String runId) {
        return Notification.builder(Notification.Kind.RUN_FAILED, runId, "PROD", "Transformation", AT)
                .duration(Duration.ofSeconds(754).plusMillis(500))
                .targetDuration(Duration.ofMinutes(10))
                .errorCode("UserError")
                .errorMessage("Notebook nb_transform failed: division by zero in cell 4")
                .attempts(4)
                .runLink(URI.create("https://app.fabric.microsoft.com/workloads/data-pipeline/monitoring/run-"
                        + runId))
                .build();
    }

    /** An overrun of the Sales model's refresh, with only the required parts and the durations. */
    static Notification refreshOverrun(String runId) {
        return Notification.builder(Notification.Kind.REFRESH_OVERRUN, runId, "TEST", "Sales", AT)
                .duration(Duration.ofMinutes(27))
                .targetDuration(Duration.ofMinutes(20))
                .runLink(URI.create("dbb-console://run/" + runId))
                .build();
    }
}
