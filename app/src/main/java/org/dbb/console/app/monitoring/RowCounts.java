package org.dbb.console.app.monitoring;

import java.util.EnumMap;
import java.util.Map;

import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;

/**
 * Rows counted by status, kept up to date row by row so a batch of new rows costs its own size, not a recount.
 * Not thread-safe: used on the FX thread.
 */
final class RowCounts {

    private final Map<MonitoringStatus, Integer> byStatus = new EnumMap<>(MonitoringStatus.class);
    private int total;

    void add(MonitoringRow row) {
        byStatus.merge(row.status(), 1, Integer::sum);
        total++;
    }

    void remove(MonitoringRow row) {
        byStatus.merge(row.status(), -1, Integer::sum);
        total--;
    }

    void clear() {
        byStatus.clear();
        total = 0;
    }

    int total() {
        return total;
    }

    int of(MonitoringStatus status) {
        return byStatus.getOrDefault(status, 0);
    }

    /**
     * "12,345 rows · 3 failed · 1 breach", or "1,204 of 12,345 rows · …" when a filter hides some; only the
     * statuses an operator acts on are named, and only when there are any.
     */
    String describe(int allRows, boolean filtered) {
        StringBuilder text = new StringBuilder();
        if (filtered) {
            text.append(number(total)).append(" of ");
        }
        text.append(number(allRows)).append(allRows == 1 && !filtered ? " row" : " rows");
        part(text, of(MonitoringStatus.FAILED), "failed", "failed");
        part(text, of(MonitoringStatus.TIMED_OUT), "timed out", "timed out");
        part(text, of(MonitoringStatus.THRESHOLD_BREACH), "breach", "breaches");
        part(text, of(MonitoringStatus.INCOMPLETE_LOAD), "incomplete load", "incomplete loads");
        part(text, of(MonitoringStatus.OVERRUN), "overrun", "overruns");
        return text.toString();
    }

    private static void part(StringBuilder text, int count, String one, String many) {
        if (count > 0) {
            text.append(" · ").append(number(count)).append(' ').append(count == 1 ? one : many);
        }
    }

    /** {@code value} with comma thousands separators ("12,345"); cheaper than a formatter, as cells call it. */
    static String number(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder text = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (value < 0) {
            text.append('-');
        }
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        text.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            text.append(',').append(digits, i, i + 3);
        }
        return text.toString();
    }
}
