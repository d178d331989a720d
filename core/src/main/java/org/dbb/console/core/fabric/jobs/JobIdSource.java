package org.dbb.console.core.fabric.jobs;

/** Where the id of a job instance came from; tells how certain it is. Immutable. */
public enum JobIdSource {
    /** The last segment of the {@code Location} header of the run request: certain. */
    LOCATION,
    /**
     * {@code Location} carried no id, so the newest manual instance started since the request was sent was taken
     * from the instance list: right unless someone else started the same item at the same moment.
     */
    INSTANCE_LIST,
    /** The caller supplied it (cancel). */
    CALLER
}
