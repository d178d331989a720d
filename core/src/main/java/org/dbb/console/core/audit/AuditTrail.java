package org.dbb.console.core.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import javax.sql.DataSource;

import org.dbb.console.core.database.DatabaseException;
import org.dbb.console.core.database.EmbeddedDatabase;

/**
 * The audit trail of operator interventions, in the console's embedded database (schema {@code audit}). Entries
 * are only ever added. Thread-safe: every call takes its own pooled connection.
 */
public final class AuditTrail {

    public static final String SCHEMA = "audit";
    public static final String MIGRATIONS = "db/migration/audit";

    private final DataSource dataSource;
    private final String where;

    private AuditTrail(DataSource dataSource, String where) {
        this.dataSource = dataSource;
        this.where = where;
    }

    /** The trail in {@code database}, its schema brought up to date first. */
    public static AuditTrail open(EmbeddedDatabase database) {
        database.migrate(SCHEMA, MIGRATIONS);
        return new AuditTrail(database.dataSource(), database.file().toString());
    }

    /** Records {@code entry} and returns it with its id. */
    public AuditEntry record(AuditEntry entry) {
        String sql = """
                INSERT INTO audit.interventions (at, actor, environment, action, subject, before_text, after_text,
                                                 run_id, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            s.setObject(1, LocalDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
            s.setString(2, cut(entry.actor(), 200));
            s.setString(3, entry.environment());
            s.setString(4, entry.action().name());
            s.setString(5, cut(entry.subject(), 400));
            optional(s, 6, entry.before().map(b -> cut(b, 4000)));
            optional(s, 7, entry.after().map(a -> cut(a, 4000)));
            optional(s, 8, entry.runId());
            optional(s, 9, entry.reason().map(r -> cut(r, 1000)));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                return keys.next() ? entry.withId(keys.getLong(1)) : entry;
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot record " + entry.action().description().toLowerCase()
                    + " in the audit trail " + where + ": " + e.getMessage(), e);
        }
    }

    /** Entries at or after {@code since}, in {@code environment} when given, oldest first. */
    public List<AuditEntry> entries(Optional<Instant> since, Optional<String> environment) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, at, actor, environment, action, subject, before_text, after_text, run_id, reason
                FROM audit.interventions WHERE 1 = 1""");
        since.ifPresent(s -> sql.append(" AND at >= ?"));
        environment.ifPresent(e -> sql.append(" AND environment = ?"));
        sql.append(" ORDER BY at, id");
        List<AuditEntry> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (since.isPresent()) {
                s.setObject(i++, LocalDateTime.ofInstant(since.get(), ZoneOffset.UTC));
            }
            if (environment.isPresent()) {
                s.setString(i, environment.get());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new AuditEntry(OptionalLong.of(rs.getLong(1)),
                            rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(3),
                            rs.getString(4), AuditAction.valueOf(rs.getString(5)), rs.getString(6),
                            Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8)),
                            Optional.ofNullable(rs.getString(9)), Optional.ofNullable(rs.getString(10))));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the audit trail " + where + ": " + e.getMessage(), e);
        }
    }

    private static void optional(PreparedStatement s, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            s.setString(index, value.get());
        } else {
            s.setNull(index, Types.VARCHAR);
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
