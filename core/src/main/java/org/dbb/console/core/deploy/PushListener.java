package org.dbb.console.core.deploy;

/**
 * Told what a push is doing and waiting for, one sentence at a time ("Fabric is applying the definition …").
 * Called on the pushing thread or the HTTP client's scheduler; must be fast and must not throw.
 */
@FunctionalInterface
public interface PushListener {

    void progress(String sentence);
}
