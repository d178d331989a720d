package org.dbb.console.core.engine;

import java.util.ArrayList;
import java.util.List;

import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringSink;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.monitoring.MonitoringStoreException;

/** A monitoring store in a list; can be told to refuse rows. Thread-safe. */
final class RecordingSink implements MonitoringSink {

    private final List<MonitoringRow> rows = new ArrayList<>();
    private volatile boolean refusing;

    @Override
    public synchronized MonitoringRow append(MonitoringRow row) {
        if (refusing) {
            throw new MonitoringStoreException("the monitoring store is down");
        }
        MonitoringRow stored = row.withId(rows.size() + 1L);
        rows.add(stored);
        return stored;
    }

    @Override
    public synchronized List<MonitoringRow> rowsOfRunAfter(String runId, long afterId) {
        return rows.stream().filter(r -> r.runId().equals(runId) && r.id().orElseThrow() > afterId).toList();
    }

    void refuse() {
        refusing = true;
    }

    synchronized List<MonitoringRow> rows() {
        return List.copyOf(rows);
    }

    List<MonitoringRow> rows(MonitoringStatus status) {
        return rows().stream().filter(r -> r.status() == status).toList();
    }
}
