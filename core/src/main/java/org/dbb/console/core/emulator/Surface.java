package org.dbb.console.core.emulator;

/** The service a route imitates: decides the error body shape and whether a token is needed. Immutable. */
enum Surface {
    /** Fabric REST: {@code {"errorCode","message","requestId"}} errors. */
    FABRIC,
    /** Power BI REST: {@code {"error":{"code","message"}}} errors. */
    POWER_BI,
    /** Azure DevOps REST: {@code {"$id","message","typeKey",…}} errors. */
    DEVOPS,
    /** The emulator's own endpoints (stats, webhook sink): no token needed. */
    EMULATOR
}
