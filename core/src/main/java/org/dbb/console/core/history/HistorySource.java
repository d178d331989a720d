package org.dbb.console.core.history;

/** Which runs a history lists. Immutable. */
public enum HistorySource {
    /** The runs the console started, from its run journal. */
    CONSOLE,
    /** The runs Fabric started of the environment's master pipeline, from the Fabric API. */
    FABRIC,
    /** Both, merged newest first. */
    ALL;

    public boolean includesConsole() {
        return this != FABRIC;
    }

    public boolean includesFabric() {
        return this != CONSOLE;
    }
}
