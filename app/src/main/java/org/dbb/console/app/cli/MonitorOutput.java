package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dbb.console.core.monitoring.MonitoringCsv;
import org.dbb.console.core.monitoring.MonitoringRow;

/**
 * Prints monitoring rows as an aligned table, RFC 4180 CSV or JSON. Not thread-safe: a follower calls it from one
 * thread at a time.
 */
abstract class MonitorOutput {

    /** The output formats of {@code dbb monitor}. */
    enum Format {
        table, csv, json
    }

    /** The table's and CSV's column names, the JSON field names: the names of the table's columns. */
    static final List<String> COLUMNS = MonitoringCsv.COLUMNS;

    protected final PrintWriter out;

    MonitorOutput(PrintWriter out) {
        this.out = out;
    }

    static MonitorOutput of(Format format, PrintWriter out, boolean streaming) {
        return switch (format) {
            case table -> new Table(out);
            case csv -> new Csv(out);
            case json -> streaming ? new JsonLines(out) : new JsonArray(out);
        };
    }

    /** Prints {@code rows}; the first call also prints what comes before any row (a header). */
    abstract void rows(List<MonitoringRow> rows);

    /** Prints what closes the output, after the last rows. */
    void end() {
        out.flush();
    }

    private static String text(Optional<String> value) {
        return value.orElse("");
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** Columns sized to the rows printed first; rows that arrive later keep those widths where they fit. */
    static final class Table extends MonitorOutput {
        private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(ZoneOffset.UTC);
        private static final List<Column> LAYOUT = List.of(
                new Column("ID", 0, true, r -> Long.toString(r.id().orElse(0))),
                new Column("STARTED (UTC)", 0, false, r -> STARTED.format(r.startedAt())),
                new Column("ENV", 12, false, MonitoringRow::environment),
                new Column("RUN", 36, false, MonitoringRow::runId),
                new Column("STAGE", 20, false, MonitoringRow::stage),
                new Column("ACTIVITY", 32, false, MonitoringRow::activity),
                new Column("ITEM", 24, false, r -> text(r.item())),
                new Column("TRY", 0, true, r -> Integer.toString(r.attempt())),
                new Column("STATUS", 0, false, r -> r.status().wireName()),
                new Column("DURATION", 0, true, r -> r.duration().map(Table::duration).orElse("")),
                new Column("ERROR", 60, false, r -> joined(r.errorCode(), r.errorMessage())));

        private int[] widths;

        Table(PrintWriter out) {
            super(out);
        }

        @Override
        void rows(List<MonitoringRow> rows) {
            List<String[]> cells = new ArrayList<>();
            for (MonitoringRow row : rows) {
                String[] line = new String[LAYOUT.size()];
                for (int c = 0; c < line.length; c++) {
                    line[c] = LAYOUT.get(c).cell(row);
                }
                cells.add(line);
            }
            if (widths == null) {
                widths = new int[LAYOUT.size()];
                String[] header = new String[LAYOUT.size()];
                for (int c = 0; c < widths.length; c++) {
                    header[c] = LAYOUT.get(c).title();
                    widths[c] = header[c].length();
                    for (String[] line : cells) {
                        widths[c] = Math.max(widths[c], line[c].length());
                    }
                }
                print(header);
            }
            cells.forEach(this::print);
            out.flush();
        }

        private void print(String[] line) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                boolean last = c == line.length - 1;
                String pad = " ".repeat(Math.max(0, widths[c] - line[c].length()));
                if (LAYOUT.get(c).right()) {
                    text.append(pad).append(line[c]);
                } else {
                    text.append(line[c]).append(last ? "" : pad);
                }
                if (!last) {
                    text.append("  ");
                }
            }
            out.println(text.toString().stripTrailing());
        }

        static String duration(Duration d) {
            long millis = d.toMillis();
            if (millis < 60_000) {
                return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
            }
            long seconds = millis / 1000;
            if (seconds < 3600) {
                return String.format(java.util.Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
            }
            return String.format(java.util.Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
        }

        private static String joined(Optional<String> code, Optional<String> message) {
            String c = text(code);
            String m = text(message);
            return c.isEmpty() ? m : m.isEmpty() ? c : c + ": " + m;
        }

        /** One table column; {@code max} 0 means never cut. */
        private record Column(String title, int max, boolean right, Function<MonitoringRow, String> value) {
            String cell(MonitoringRow row) {
                // Control characters would break the alignment of every line after them.
                String text = value.apply(row).replaceAll("[\\r\\n\\t]+", " ");
                return max > 0 && text.length() > max ? text.substring(0, max - 1) + "…" : text;
            }
        }
    }

    /** RFC 4180 CSV with a header line, in the shape {@link MonitoringCsv} defines for every CSV of rows. */
    static final class Csv extends MonitorOutput {
        private boolean headerPrinted;

        Csv(PrintWriter out) {
            super(out);
        }

        @Override
        void rows(List<MonitoringRow> rows) {
            StringBuilder text = new StringBuilder();
            if (!headerPrinted) {
                text.append(MonitoringCsv.header());
                headerPrinted = true;
            }
            rows.forEach(r -> MonitoringCsv.appendRecord(text, r));
            out.print(text);
            out.flush();
        }
    }

    /** Shared JSON shape: one object per row, the table's column names, null for an empty value. */
    abstract static class Json extends MonitorOutput {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        Json(PrintWriter out) {
            super(out);
        }

        static String object(MonitoringRow r) {
            ObjectNode node = MAPPER.createObjectNode();
            node.put("id", r.id().orElse(0));
            node.put("run_id", r.runId());
            node.put("environment", r.environment());
            node.put("stage", r.stage());
            node.put("activity", r.activity());
            node.put("item", r.item().orElse(null));
            node.put("attempt", r.attempt());
            node.put("status", r.status().wireName());
            node.put("job_instance_id", r.jobInstanceId().orElse(null));
            node.put("started_at", iso(r.startedAt()));
            node.put("ended_at", r.endedAt().map(MonitorOutput::iso).orElse(null));
            putNumber(node, "duration_ms", r.duration().map(d -> OptionalLong.of(d.toMillis()))
                    .orElse(OptionalLong.empty()));
            putNumber(node, "rows_read", r.rowsRead());
            putNumber(node, "rows_written", r.rowsWritten());
            node.put("error_code", r.errorCode().orElse(null));
            node.put("error_message", r.errorMessage().orElse(null));
            node.put("operator", r.operator());
            try {
                return MAPPER.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a JSON tree of strings and numbers always serialises", e);
            }
        }

        private static void putNumber(ObjectNode node, String name, OptionalLong value) {
            if (value.isPresent()) {
                node.put(name, value.getAsLong());
            } else {
                node.putNull(name);
            }
        }
    }

    /** One JSON array, one row object per line. */
    static final class JsonArray extends Json {
        private boolean first = true;

        JsonArray(PrintWriter out) {
            super(out);
        }

        @Override
        void rows(List<MonitoringRow> rows) {
            for (MonitoringRow r : rows) {
                out.print(first ? "[\n  " : ",\n  ");
                out.print(object(r));
                first = false;
            }
        }

        @Override
        void end() {
            out.println(first ? "[]" : "\n]");
            out.flush();
        }
    }

    /** JSON Lines: one row object per line, so a follower's output can be read line by line. */
    static final class JsonLines extends Json {
        JsonLines(PrintWriter out) {
            super(out);
        }

        @Override
        void rows(List<MonitoringRow> rows) {
            rows.forEach(r -> out.println(object(r)));
            out.flush();
        }
    }
}
