package org.dbb.console.app.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.audit.AuditEntry;
import org.dbb.console.core.audit.ReleaseNote;

/** {@code dbb audit export}: the manual interventions as a release-note section. One per invocation. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print the manual interventions as the release note's section (Markdown) or as CSV.")
public final class AuditExportCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format { md, csv }

    private final ConsoleServices services;

    @Spec
    CommandSpec spec;

    @Option(names = "--since", paramLabel = "DATE", description = "Only interventions on or after this day"
            + " (YYYY-MM-DD, UTC) or instant (ISO-8601).")
    String since;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Only interventions in this environment.")
    String env;

    @Option(names = "--format", paramLabel = "md|csv", defaultValue = "md",
            description = "md (default) or csv.")
    Format format;

    public AuditExportCommand(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        Optional<Instant> from = Optional.ofNullable(since).map(this::instant);
        List<AuditEntry> entries = services.auditTrail().entries(from, Optional.ofNullable(env));
        PrintWriter out = spec.commandLine().getOut();
        ReleaseNote note = new ReleaseNote();
        String scope = (env == null ? "" : env) + (since == null ? "" : (env == null ? "" : ", ") + "since " + since);
        out.print(format == Format.csv ? note.csv(entries) : note.markdown(entries, scope));
        out.flush();
        return 0;
    }

    private Instant instant(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--since takes a day (2026-11-27) or an"
                    + " instant (2026-11-27T06:00:00Z), got '" + text + "'");
        }
    }
}
