package org.dbb.console.core.workspace.pipeline;

/**
 * The DBB convention for activity retries (3 retries, 30 seconds apart), which the console proposes for new or
 * reset activities. These are not Fabric's own defaults; see {@link ActivityPolicy} for those. Stateless.
 */
public final class DbbRetryDefaults {

    /** Retries after the first attempt: up to four attempts in all. */
    public static final int RETRY = 3;

    /** Seconds between attempts. */
    public static final int RETRY_INTERVAL_SECONDS = 30;

    private DbbRetryDefaults() {
    }
}
