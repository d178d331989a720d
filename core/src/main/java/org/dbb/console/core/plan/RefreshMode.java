package org.dbb.console.core.plan;

/** How the semantic refresh stage runs. */
public enum RefreshMode {
    /** The console's refresh conductor refreshes the selected models through the Power BI API, capped. */
    POWER_BI_API,
    /** The refresh pipeline runs in Fabric as one job, exactly as the schedule would run it. */
    FABRIC_PIPELINE
}
