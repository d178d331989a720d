package org.dbb.console.app.monitoring;

import java.time.Clock;
import java.util.concurrent.Executor;

import org.dbb.console.app.dialogs.Dialogs;
import org.dbb.console.app.icons.AppIcon;
import org.dbb.console.app.shell.ConsolePage;
import org.dbb.console.app.shell.ConsoleSession;
import org.dbb.console.core.files.AtomicFileWriter;

/** Builds the window's Monitoring page from explicit dependencies. Stateless; call on the FX thread. */
public final class MonitoringPage {

    /** The page id: the navigation entry's node id is {@code page-monitoring}. */
    public static final String ID = "monitoring";

    private MonitoringPage() {
    }

    /**
     * The Monitoring page over {@code model}, for a window that also hands the model to other pages (the Runs
     * page calls {@link MonitoringViewModel#showRun}).
     */
    public static ConsolePage page(MonitoringViewModel model) {
        return new ConsolePage(ID, "Monitoring", AppIcon.MONITORING, () -> new MonitoringView(model));
    }

    /**
     * The view model the page binds to; it starts reading the session environment's rows at once.
     *
     * @param background reads the store and writes exports; the window's background pool
     * @param fx         the FX executor
     */
    public static MonitoringViewModel model(ConsoleSession session, MonitoringStoreSource stores,
                                            AtomicFileWriter writer, Dialogs dialogs, Clock clock,
                                            Executor background, Executor fx) {
        return new MonitoringViewModel(session, stores, writer, dialogs, clock, background, fx);
    }
}
