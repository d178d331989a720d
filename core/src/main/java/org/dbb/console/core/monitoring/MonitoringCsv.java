package org.dbb.console.core.monitoring;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Monitoring rows as RFC 4180 CSV: a header naming the table's columns, CRLF line ends, a field quoted only when it
 * holds a comma, a quote or a line break (quotes doubled). Instants are ISO-8601 UTC, durations whole milliseconds,
 * an absent value an empty field. The one CSV shape of the command line and the window's export. Stateless.
 */
public final class MonitoringCsv {

    /** The column names of {@code meta.monitoring_integration}, in the table's order: the CSV header. */
    public static final List<String> COLUMNS = List.of("id", "run_id", "environment", "stage", "activity", "item",
            "attempt", "status", "job_instance_id", "started_at", "ended_at", "duration_ms", "rows_read",
            "rows_written", "error_code", "error_message", "operator");

    /** RFC 4180's line end. */
    public static final String CRLF = "\r\n";

    private MonitoringCsv() {
    }

    /** The header line, line end included. */
    public static String header() {
        return String.join(",", COLUMNS) + CRLF;
    }

    /** Appends {@code row} as one record, line end included. */
    public static void appendRecord(StringBuilder out, MonitoringRow row) {
        List<String> fields = fields(row);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendField(out, fields.get(i));
        }
        out.append(CRLF);
    }

    /** {@code row} as one record, line end included. */
    public static String record(MonitoringRow row) {
        StringBuilder out = new StringBuilder(160);
        appendRecord(out, row);
        return out.toString();
    }

    /** The field values of {@code row} in {@link #COLUMNS} order, before quoting. */
    public static List<String> fields(MonitoringRow r) {
        return List.of(Long.toString(r.id().orElse(0)), r.runId(), r.environment(), r.stage(), r.activity(),
                text(r.item()), Integer.toString(r.attempt()), r.status().wireName(), text(r.jobInstanceId()),
                iso(r.startedAt()), r.endedAt().map(MonitoringCsv::iso).orElse(""),
                r.duration().map(d -> Long.toString(d.toMillis())).orElse(""), number(r.rowsRead()),
                number(r.rowsWritten()), text(r.errorCode()), text(r.errorMessage()), r.operator());
    }

    /** {@code field} as RFC 4180 writes it. */
    public static String quote(String field) {
        StringBuilder out = new StringBuilder(field.length() + 2);
        appendField(out, field);
        return out.toString();
    }

    private static void appendField(StringBuilder out, String field) {
        if (!needsQuotes(field)) {
            out.append(field);
            return;
        }
        out.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private static String text(Optional<String> value) {
        return value.orElse("");
    }

    private static String number(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "";
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
