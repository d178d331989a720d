package org.dbb.console.app.monitoring;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;

/**
 * The operator's filters as one immutable predicate: every given criterion must hold, an empty one matches every
 * row. Text is compared ignoring case without allocating, because the filter runs over every loaded row each time
 * it changes. Immutable and thread-safe.
 *
 * @param runId    part of the run id
 * @param stage    the stage, matched exactly
 * @param statuses the statuses to show; empty shows all
 * @param text     part of the activity, item, error code or error message
 */
record RowFilter(String runId, Optional<String> stage, Set<MonitoringStatus> statuses, String text) {

    static final RowFilter NONE = new RowFilter("", Optional.empty(), Set.of(), "");

    RowFilter {
        runId = runId == null ? "" : runId.strip();
        text = text == null ? "" : text.strip();
        stage = stage == null ? Optional.empty() : stage;
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    /** Whether any criterion is set. */
    boolean active() {
        return !runId.isEmpty() || stage.isPresent() || !statuses.isEmpty() || !text.isEmpty();
    }

    boolean matches(MonitoringRow row) {
        if (!statuses.isEmpty() && !statuses.contains(row.status())) {
            return false;
        }
        if (stage.isPresent() && !stage.get().equals(row.stage())) {
            return false;
        }
        if (!runId.isEmpty() && !containsIgnoreCase(row.runId(), runId)) {
            return false;
        }
        return text.isEmpty() || containsIgnoreCase(row.activity(), text)
                || row.item().map(v -> containsIgnoreCase(v, text)).orElse(false)
                || row.errorCode().map(v -> containsIgnoreCase(v, text)).orElse(false)
                || row.errorMessage().map(v -> containsIgnoreCase(v, text)).orElse(false);
    }

    static boolean containsIgnoreCase(String haystack, String needle) {
        int last = haystack.length() - needle.length();
        for (int i = 0; i <= last; i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }
}
