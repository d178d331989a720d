package org.dbb.console.core.fabricruns;

/** Fabric knows no run of the master pipeline under the id asked for. Immutable. */
public final class UnknownFabricRunException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String jobInstanceId;

    public UnknownFabricRunException(String jobInstanceId, String message, Throwable cause) {
        super(message, cause);
        this.jobInstanceId = jobInstanceId;
    }

    /** The id that was asked for. */
    public String jobInstanceId() {
        return jobInstanceId;
    }
}
