package org.dbb.console.core.history;

/** Who started a run: the console's engine, or Fabric itself (its schedule, the portal, the API). Immutable. */
public enum RunOrigin {
    /** Launched, re-run or resumed by a DBB Console; its record is in the run journal. */
    CONSOLE,
    /** A job instance of the master pipeline that Fabric ran; read from the Fabric API. */
    FABRIC
}
