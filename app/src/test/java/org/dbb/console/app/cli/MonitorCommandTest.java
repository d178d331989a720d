package org.dbb.console.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.dbb.console.app.ConsoleServices;
import org.dbb.console.core.database.EmbeddedDatabase;
import org.dbb.console.core.files.DataDirectories;
import org.dbb.console.core.monitoring.JdbcMonitoringStore;
import org.dbb.console.core.monitoring.MonitoringRow;
import org.dbb.console.core.monitoring.MonitoringStatus;
import org.dbb.console.core.monitoring.MonitoringStores;

class MonitorCommandTest {

    private static final Instant T0 = Instant.parse("2026-03-01T06:00:00Z");

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ConsoleServices services;

    @AfterEach
    void closeServices() {
        if (services != null) {
            services.close();
        }
    }

    private ConsoleServices services() {
        if (services == null) {
            services = new ConsoleServices(new DataDirectories(temp.resolve("data")));
        }
        return services;
    }

    private int run(MonitorCommand.Following following, String... args) {
        CommandLine.IFactory fallback = new CommandLineRunner.ServicesFactory(services());
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == MonitorCommand.class) {
                    return cls.cast(new MonitorCommand(services(), following));
                }
                return fallback.create(cls);
            }
        };
        return new CommandLineRunner(services(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), factory).run(args);
    }

    private int run(String... args) {
        return run(stop -> {
            throw new AssertionError("not following");
        }, args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static MonitoringRow row(String run, String env, String activity, MonitoringStatus status,
                                     Optional<String> error) {
        return new MonitoringRow(OptionalLong.empty(), run, env, "Integration", activity, Optional.of("Sales"), 1,
                status, Optional.empty(), T0, Optional.of(T0.plusMillis(4_200)), OptionalLong.of(10),
                OptionalLong.empty(), error.map(e -> "E42"), error, "ops");
    }

    private void seed(JdbcMonitoringStore store) {
        store.append(row("run-1", "PROD", "Copy orders", MonitoringStatus.SUCCEEDED, Optional.empty()));
        store.append(row("run-1", "PROD", "Copy customers", MonitoringStatus.FAILED,
                Optional.of("Timeout, \"source\" busy\nretry later")));
        store.append(row("run-2", "TEST", "Copy orders", MonitoringStatus.SUCCEEDED, Optional.empty()));
    }

    @Test
    void tablePrintsAlignedColumnsOfTheNewestRows() {
        seed(services().monitoringStore());

        assertThat(run("monitor", "--env", "PROD")).isZero();

        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("ID  STARTED (UTC)        ENV   RUN    STAGE        ACTIVITY");
        int statusColumn = lines.get(0).indexOf("STATUS");
        assertThat(lines.get(1).substring(statusColumn)).startsWith("Succeeded");
        assertThat(lines.get(2).substring(statusColumn)).startsWith("Failed");
        assertThat(lines.get(1)).contains("2026-03-01 06:00:00").contains("4.2s");
        assertThat(lines.get(2)).endsWith("E42: Timeout, \"source\" busy retry later");
    }

    @Test
    void csvFollowsRfc4180() {
        seed(services().monitoringStore());

        assertThat(run("monitor", "--format", "csv", "--status", "failed")).isZero();

        assertThat(out()).isEqualTo(String.join(",", MonitorOutput.COLUMNS) + "\r\n"
                + "2,run-1,PROD,Integration,Copy customers,Sales,1,Failed,,2026-03-01T06:00:00Z,"
                + "2026-03-01T06:00:04.200Z,4200,10,,E42,\"Timeout, \"\"source\"\" busy\nretry later\",ops\r\n");
    }

    @Test
    void jsonIsOneArrayWithNullsForEmptyValues() throws Exception {
        seed(services().monitoringStore());

        assertThat(run("monitor", "--format", "json", "--limit", "2")).isZero();

        JsonNode rows = new ObjectMapper().readTree(out());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("id").asLong()).isEqualTo(2);
        assertThat(rows.get(0).get("error_message").asText()).isEqualTo("Timeout, \"source\" busy\nretry later");
        assertThat(rows.get(1).get("run_id").asText()).isEqualTo("run-2");
        assertThat(rows.get(1).get("rows_written").isNull()).isTrue();
        assertThat(rows.get(1).get("duration_ms").asLong()).isEqualTo(4200);
        assertThat(rows.get(1).get("started_at").asText()).isEqualTo("2026-03-01T06:00:00Z");
    }

    @Test
    void anEmptyDatabaseGivesAnEmptyArray() {
        assertThat(run("monitor", "--format", "json")).isZero();
        assertThat(out().strip()).isEqualTo("[]");
    }

    @Test
    void databaseOptionReadsAnotherFileWhileItIsOpenElsewhere() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        Path file = temp.resolve("elsewhere/dbb-console");
        try (EmbeddedDatabase window = EmbeddedDatabase.open(file)) {
            seed(MonitoringStores.embedded(window, scheduler));

            assertThat(run("monitor", "--database", file + ".mv.db", "--run", "run-2", "--format", "csv")).isZero();
        } finally {
            scheduler.shutdownNow();
        }
        assertThat(out().lines().toList()).hasSize(2).last().asString().startsWith("3,run-2,TEST,");
    }

    @Test
    void aMissingDatabaseFileIsAnErrorNotANewDatabase() {
        Path missing = temp.resolve("nowhere/dbb-console.mv.db");
        assertThat(run("monitor", "--database", missing.toString())).isEqualTo(CommandLineRunner.ERRORS_FOUND);
        assertThat(err()).contains("no monitoring database at " + missing);
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertThat(run("monitor", "--status", "Great")).isEqualTo(CommandLineRunner.BAD_USAGE);
        assertThat(run("monitor", "--limit", "0")).isEqualTo(CommandLineRunner.BAD_USAGE);
        assertThat(run("monitor", "--format", "xml")).isEqualTo(CommandLineRunner.BAD_USAGE);
        assertThat(err()).contains("unknown monitoring status 'Great'").contains("--limit must be");
    }

    @Test
    void followPrintsTheNewestRowsThenNewOnesAsJsonLines() throws Exception {
        JdbcMonitoringStore store = services().monitoringStore();
        seed(store);

        int exit = run(stop -> {
            store.append(row("run-3", "PROD", "Copy invoices", MonitoringStatus.IN_PROGRESS, Optional.empty()));
            store.append(row("run-3", "TEST", "Copy other env", MonitoringStatus.IN_PROGRESS, Optional.empty()));
            store.append(row("run-3", "PROD", "Copy payments", MonitoringStatus.IN_PROGRESS, Optional.empty()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!out().contains("Copy payments") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }, "monitor", "--follow", "--env", "PROD", "--format", "json", "--limit", "1");

        assertThat(exit).isZero();
        ObjectMapper json = new ObjectMapper();
        List<String> activities = out().lines().map(line -> {
            try {
                return json.readTree(line).get("activity").asText();
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).toList();
        assertThat(activities).containsExactly("Copy customers", "Copy invoices", "Copy payments");
    }

    @Test
    void databaseVariableNamesTheDefaultFile() {
        Path file = temp.resolve("from-env/dbb-console");
        try (ConsoleServices fromEnv = new ConsoleServices(new DataDirectories(temp.resolve("data")),
                Optional.of(file))) {
            assertThat(fromEnv.databaseFile()).isEqualTo(file.toAbsolutePath());
            assertThat(fromEnv.databaseFileNamed()).isTrue();
        }
        assertThat(services().databaseFile()).isEqualTo(temp.resolve("data/db/dbb-console"));
        assertThat(services().databaseFileNamed()).isFalse();
    }
}
