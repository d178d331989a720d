package org.dbb.console.app.timeline;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens links in the operator's browser: through the desktop's browse action where Java has one, else
 * {@code xdg-open} (Linux) or {@code open} (macOS). Runs on the given executor so the FX thread never waits for the
 * browser. Thread-safe.
 */
public final class SystemLinkOpener implements LinkOpener {

    private static final Logger LOG = LoggerFactory.getLogger(SystemLinkOpener.class);

    private final Executor background;

    public SystemLinkOpener(Executor background) {
        this.background = background;
    }

    @Override
    public void open(URI link) {
        background.execute(() -> {
            try {
                if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(link);
                    return;
                }
                String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
                new ProcessBuilder(os.contains("mac") ? "open" : "xdg-open", link.toString()).start();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not open {} in a browser: {}", link, e.getMessage());
            }
        });
    }
}
