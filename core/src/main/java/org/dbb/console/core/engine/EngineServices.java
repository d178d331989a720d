package org.dbb.console.core.engine;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

import org.dbb.console.core.engine.refresh.RefreshConductor;
import org.dbb.console.core.fabric.FabricClient;
import org.dbb.console.core.monitoring.MonitoringSink;

/** What every run of one engine shares. Immutable; the services themselves are thread-safe. */
record EngineServices(FabricClient fabric, RefreshConductor conductor, ScheduledExecutorService scheduler, Clock clock,
                      MonitoringSink monitoring, RunJournal journal) {
}
