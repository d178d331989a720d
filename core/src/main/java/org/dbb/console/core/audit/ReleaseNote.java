package org.dbb.console.core.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes audit entries as the "manual interventions" section of a release note: Markdown for the note itself, CSV
 * for spreadsheets. Stateless and thread-safe.
 */
public final class ReleaseNote {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A Markdown section with a table of the entries. */
    public String markdown(List<AuditEntry> entries, String scope) {
        StringBuilder md = new StringBuilder("## Manual interventions").append(scope.isBlank() ? "" : " — " + scope)
                .append("\n\n");
        if (entries.isEmpty()) {
            return md.append("None.\n").toString();
        }
        md.append("| When | Environment | Who | What | Change | Run | Reason |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (AuditEntry e : entries) {
            String change = e.before().isPresent() || e.after().isPresent()
                    ? e.before().orElse("—") + " → " + e.after().orElse("—") : "";
            md.append("| ").append(WHEN.format(e.at())).append(" | ").append(cell(e.environment())).append(" | ")
                    .append(cell(e.actor())).append(" | ").append(cell(e.action().description() + ": " + e.subject()))
                    .append(" | ").append(cell(change)).append(" | ").append(cell(e.runId().orElse("")))
                    .append(" | ").append(cell(e.reason().orElse(""))).append(" |\n");
        }
        return md.toString();
    }

    /** RFC 4180 CSV with a header line. */
    public String csv(List<AuditEntry> entries) {
        StringBuilder csv = new StringBuilder("at,environment,actor,action,subject,before,after,run_id,reason\r\n");
        for (AuditEntry e : entries) {
            csv.append(String.join(",", List.of(e.at().toString(), field(e.environment()), field(e.actor()),
                    e.action().name(), field(e.subject()), field(e.before().orElse("")), field(e.after().orElse("")),
                    field(e.runId().orElse("")), field(e.reason().orElse(""))))).append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String field(String text) {
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
