package org.dbb.console.core.fabric.http;

/** Why a call is waiting before its next attempt or poll. Immutable. */
public enum WaitCause {
    /** 429: the caller identity hit the service's rate limit. */
    THROTTLED,
    /** 430: the Fabric capacity's Spark cores or queue are full. */
    CAPACITY_BUSY,
    /** 503: the service is temporarily unavailable. */
    SERVICE_UNAVAILABLE,
    /** Another 5xx, or a 4xx the service marked retriable. */
    SERVICE_ERROR,
    /** No response: the connection failed or dropped. */
    CONNECTION_FAILED,
    /** A long-running operation is still running; the next status check is scheduled. */
    OPERATION_RUNNING,
    /** A Fabric job instance has not finished yet; the next status check is scheduled. */
    JOB_RUNNING,
    /** A semantic-model refresh has not finished yet; the next status check is scheduled. */
    REFRESH_RUNNING
}
