package org.dbb.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.files.DataDirectories;

/** {@code dbb validate} on the monitoring rules of dbb-console.yml: each bad rule at its line and column. */
class ValidateMonitoringRulesTest {

    private static final String SAMPLE_RULES = """
              rules:
                - kind: incomplete-load              # every Copy activity of the pipelines the stage runs must succeed
                  stage: Integration
                - kind: rows-below-minimum           # the rows one Copy activity copied
                  activity: Copy ERP sales orders
                  minimum: 1000
                - kind: duration-over-target         # from the stage's first start to its last end
                  stage: Transformation
                  target: 1h
            """;

    @TempDir
    Path temp;

    private Path ws;
    private Path settings;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void sample() {
        ws = temp.resolve("ws");
        settings = ws.resolve("dbb-console.yml");
        assertThat(run("sample", "export", ws.toString())).isZero();
        out.reset();
    }

    private int run(String... args) {
        try (ConsoleServices services = new ConsoleServices(new DataDirectories(temp.resolve("data")))) {
            return new CommandLineRunner(services, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Replaces the sample's rules with {@code rules}; returns the line the first rule is on. */
    private int rules(String rules) throws IOException {
        String text = Files.readString(settings);
        assertThat(text).contains(SAMPLE_RULES);
        Files.writeString(settings, text.replace(SAMPLE_RULES, "  rules:\n" + rules));
        String before = text.substring(0, text.indexOf(SAMPLE_RULES));
        return (int) before.chars().filter(c -> c == '\n').count() + 2;
    }

    @Test
    void theSampleRulesAreValid() {
        assertThat(run("validate", "-w", ws.toString())).isZero();
        assertThat(out()).contains("0 errors");
    }

    @Test
    void malformedRulesAreEachReportedWithTheirPositionAndWhatToWrite() throws IOException {
        int first = rules("""
                    - kind: rows-below-minimum
                      activity: Copy ERP sales orders
                      minimum: -5
                    - kind: duration-over-target
                      stage: Transformation
                      target: 20 minutes
                    - kind: row-count
                      stage: Integration
                """);

        assertThat(run("validate", "-w", ws.toString())).isEqualTo(CommandLineRunner.ERRORS_FOUND);

        assertThat(out()).contains("dbb-console.yml:" + (first + 2) + ":16: error: monitoring.rules #1.minimum must"
                        + " be 0 or more rows, not -5; a copy cannot write fewer than 0 rows")
                .contains("dbb-console.yml:" + (first + 5) + ":15: error: monitoring.rules #2.target '20 minutes'"
                        + " is not a duration; write hours, minutes and seconds like 20m, 1h30m or 90s")
                .contains("dbb-console.yml:" + (first + 6) + ":13: error: monitoring.rules #3.kind 'row-count' is"
                        + " not a rule kind; use one of incomplete-load, duration-over-target, rows-below-minimum");
    }

    @Test
    void namesTheWorkspaceDoesNotRunAreReportedWithWhatTheRuleMayNameSharedRulesAndAnEnvironmentsOwn()
            throws IOException {
        int first = rules("""
                    - kind: incomplete-load
                      stage: Integration
                      activities: [Copy ERP sales orders, Copy_Orders]
                    - {kind: duration-over-target, stage: Transform, target: 20m}
                """);
        String text = Files.readString(settings);
        assertThat(text).contains("    monitoring: {store: warehouse,");
        Files.writeString(settings, text.replace("    monitoring: {store: warehouse,", "    monitoring: {rules:"
                + " [{kind: rows-below-minimum, activity: Copy_Orders, minimum: 5}], store: warehouse,"));

        assertThat(run("validate", "-w", ws.toString())).isEqualTo(CommandLineRunner.ERRORS_FOUND);

        assertThat(out()).contains("dbb-console.yml:" + first + ":7: error: monitoring.rules #1 (incomplete-load)"
                        + " expects 'Copy_Orders' in stage Integration, which is neither one of its activities nor a"
                        + " Copy activity of a pipeline it runs; it can expect: Run integration pipeline, Copy ERP"
                        + " sales orders, Copy ERP ledger entries, Copy ERP stock levels, Copy CRM customers, Copy"
                        + " HR extract")
                .contains("dbb-console.yml:" + (first + 3) + ":7: error: monitoring.rules #2 (duration-over-target)"
                        + " names stage 'Transform', which is not a stage of the master pipeline; stages are:"
                        + " Initialisation, Integration, Transformation, Monitoring, Maintenance, Semantic refresh")
                .contains("error: environments.PROD.monitoring.rules #1 (rows-below-minimum) counts the rows of"
                        + " 'Copy_Orders', which is not a Copy activity of any pipeline the stages run");
    }
}
