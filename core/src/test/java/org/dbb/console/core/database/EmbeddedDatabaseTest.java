package org.dbb.console.core.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dbb.console.core.monitoring.MonitoringStores;

class EmbeddedDatabaseTest {

    @TempDir
    Path temp;

    @Test
    void migrationsRunOnceAndAreIdempotent() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(temp.resolve("db/dbb-console"))) {
            assertThat(db.migrate(MonitoringStores.SCHEMA, MonitoringStores.MIGRATIONS)).isEqualTo(1);
            assertThat(db.migrate(MonitoringStores.SCHEMA, MonitoringStores.MIGRATIONS)).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM meta.flyway_schema_history WHERE version IS NOT NULL AND success = TRUE"))
                    .isEqualTo(1);
        }
        try (EmbeddedDatabase reopened = EmbeddedDatabase.open(temp.resolve("db/dbb-console"))) {
            assertThat(reopened.migrate(MonitoringStores.SCHEMA, MonitoringStores.MIGRATIONS)).isZero();
            assertThat(count(reopened, "SELECT COUNT(*) FROM meta.monitoring_append_lock")).isEqualTo(1);
        }
        assertThat(temp.resolve("db/dbb-console.mv.db")).isRegularFile();
    }

    @Test
    void eachFeatureSchemaKeepsItsOwnHistory() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(temp.resolve("dbb-console"))) {
            db.migrate(MonitoringStores.SCHEMA, MonitoringStores.MIGRATIONS);
            assertThat(db.migrate("journal", "db/testmigration/journal")).isEqualTo(1);

            assertThat(count(db, "SELECT COUNT(*) FROM journal.flyway_schema_history WHERE version IS NOT NULL AND success = TRUE"))
                    .isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM meta.flyway_schema_history WHERE version IS NOT NULL AND success = TRUE"))
                    .isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM journal.runs")).isZero();
        }
    }

    @Test
    void theFileNameMayBeGivenWithItsSuffix() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(temp.resolve("x/dbb-console.mv.db"))) {
            assertThat(db.file()).isEqualTo(temp.resolve("x/dbb-console.mv.db").toAbsolutePath());
        }
    }

    @Test
    void aSecondInstanceOpensTheSameFileAndOutlivesTheFirst() throws SQLException {
        Path path = temp.resolve("shared/dbb-console");
        EmbeddedDatabase first = EmbeddedDatabase.open(path);
        try (EmbeddedDatabase second = EmbeddedDatabase.open(path)) {
            first.migrate(MonitoringStores.SCHEMA, MonitoringStores.MIGRATIONS);
            assertThat(second.migrate(MonitoringStores.SCHEMA, MonitoringStores.MIGRATIONS)).isZero();
            execute(second, "UPDATE meta.monitoring_append_lock SET appends = 7 WHERE id = 1");
            assertThat(count(first, "SELECT appends FROM meta.monitoring_append_lock")).isEqualTo(7);

            first.close();

            assertThat(count(second, "SELECT appends FROM meta.monitoring_append_lock")).isEqualTo(7);
        } finally {
            first.close();
        }
    }

    @Test
    void aFileLockedByAnotherProgramGivesAClearMessage() throws Exception {
        Path base = temp.resolve("locked/dbb-console").toAbsolutePath();
        // Inside one JVM H2 shares an open file, so the other program has to be another process.
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabaseOpen.class.getName(), base.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(other.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo(HoldDatabaseOpen.READY);

            assertThatThrownBy(() -> EmbeddedDatabase.open(base))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining(base + ".mv.db")
                    .hasMessageContaining("locked by another program")
                    .hasMessageContaining("Close that program");
        } finally {
            other.getOutputStream().close();
            other.waitFor(10, TimeUnit.SECONDS);
            other.destroy();
        }
    }

    @Test
    void aFolderThatCannotBeCreatedGivesAClearMessage() throws Exception {
        Path blocker = Files.writeString(temp.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> EmbeddedDatabase.open(blocker.resolve("db/dbb-console")))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining(blocker.resolve("db/dbb-console.mv.db").toString())
                .hasMessageContaining("writable folder");
    }

    @Test
    void aDamagedFileGivesAClearMessage() throws Exception {
        Path base = temp.resolve("damaged/dbb-console");
        Files.createDirectories(base.getParent());
        Files.write(base.resolveSibling("dbb-console.mv.db"), new byte[] {'n', 'o', 't', ' ', 'h', '2', 0, 1, 2, 3});
        assertThatThrownBy(() -> EmbeddedDatabase.open(base))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining(base.toAbsolutePath() + ".mv.db")
                .hasMessageContaining("Move it aside");
    }

    @Test
    void aPathWithASemicolonIsRefused() {
        assertThatThrownBy(() -> EmbeddedDatabase.open(temp.resolve("a;b/dbb-console")))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("';'");
    }

    static long count(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
