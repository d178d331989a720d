package org.dbb.console.app.timeline;

import java.net.URI;

/**
 * Opens a link in the operator's browser, e.g. a step's item in the Fabric portal. The app passes one backed by
 * {@code HostServices.showDocument}; tests record the links. Implementations must not block the FX thread.
 */
@FunctionalInterface
public interface LinkOpener {

    void open(URI link);
}
