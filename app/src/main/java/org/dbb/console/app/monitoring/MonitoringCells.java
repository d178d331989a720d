package org.dbb.console.app.monitoring;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.dbb.console.core.monitoring.MonitoringRow;

/**
 * How a monitoring row's values read on the page: the table's cells and the detail pane's fields. Times are UTC,
 * as the table stores them and as {@code dbb monitor} prints them. Stateless.
 */
public final class MonitoringCells {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
            .withZone(ZoneOffset.UTC);

    private MonitoringCells() {
    }

    /** When the attempt started, to the second. */
    public static String time(MonitoringRow row) {
        return TIME.format(row.startedAt());
    }

    /** How long the attempt took ("4.2 s", "2 min 05 s", "1 h 03 min"); empty while it runs. */
    public static String duration(MonitoringRow row) {
        return row.duration().map(MonitoringCells::duration).orElse("");
    }

    /** Rows read and written: "1,200 → 1,180", or the one that is known. */
    public static String rows(MonitoringRow row) {
        OptionalLong read = row.rowsRead();
        OptionalLong written = row.rowsWritten();
        if (read.isPresent() && written.isPresent()) {
            return RowCounts.number(read.getAsLong()) + " → " + RowCounts.number(written.getAsLong());
        }
        if (read.isPresent()) {
            return RowCounts.number(read.getAsLong()) + " read";
        }
        return written.isPresent() ? RowCounts.number(written.getAsLong()) + " written" : "";
    }

    /** The error code and message on one line, for the table. */
    public static String message(MonitoringRow row) {
        String code = row.errorCode().orElse("");
        String message = row.errorMessage().orElse("").replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message;
    }

    /** Every column of {@code row}, in the table's order, for the detail pane. */
    public static List<DetailField> details(MonitoringRow row) {
        return List.of(
                new DetailField("Id", row.id().isPresent() ? Long.toString(row.id().getAsLong()) : ""),
                new DetailField("Run id", row.runId()),
                new DetailField("Environment", row.environment()),
                new DetailField("Stage", row.stage()),
                new DetailField("Activity", row.activity()),
                new DetailField("Item", row.item().orElse("")),
                new DetailField("Attempt", Integer.toString(row.attempt())),
                new DetailField("Status", row.status().wireName()),
                new DetailField("Job instance id", row.jobInstanceId().orElse("")),
                new DetailField("Started", EXACT.format(row.startedAt())),
                new DetailField("Ended", row.endedAt().map(EXACT::format).orElse("")),
                new DetailField("Duration", row.duration().map(d -> duration(d) + " (" + d.toMillis() + " ms)")
                        .orElse("")),
                new DetailField("Rows read", number(row.rowsRead())),
                new DetailField("Rows written", number(row.rowsWritten())),
                new DetailField("Error code", row.errorCode().orElse("")),
                new DetailField("Error message", row.errorMessage().orElse("")),
                new DetailField("Operator", row.operator()));
    }

    static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }

    private static String number(OptionalLong value) {
        return value.isPresent() ? RowCounts.number(value.getAsLong()) : "";
    }
}
