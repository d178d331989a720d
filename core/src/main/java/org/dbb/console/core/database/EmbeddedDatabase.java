package org.dbb.console.core.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The console's own database: one H2 file in SQL Server compatibility mode, shared by the features that keep
 * state (run journal, monitoring rows, audit trail), each in its own schema with its own versioned migrations.
 *
 * <p>The file may be open in several processes at once (the window and a {@code dbb} command): the first process
 * to open it serves it to the others over a TCP server that H2 starts for this one database ({@code AUTO_SERVER};
 * the others find its address and a random key in the lock file next to it), and when that process closes it
 * another one takes over.
 *
 * <p>Thread-safe: {@link #dataSource()} hands out pooled connections to any thread; {@link #migrate} may be called
 * concurrently (Flyway locks its history table). {@link #close()} is idempotent.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** What H2 appends to the path it is given to name the file on disk. */
    public static final String FILE_SUFFIX = ".mv.db";

    /** The schema-history table name Flyway keeps in every feature schema. */
    static final String HISTORY_TABLE = "flyway_schema_history";

    // MSSQLServer mode with case-preserving, case-insensitive identifiers is what lets one SQL text serve H2 and
    // SQL Server; the lock timeout is raised above H2's one second because appenders queue on a lock row.
    private static final String SETTINGS = ";MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE"
            + ";CASE_INSENSITIVE_IDENTIFIERS=TRUE;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000";
    private static final int MAX_CONNECTIONS = 16;

    private final Path base;
    private final JdbcConnectionPool pool;
    private final Connection keeper;
    private final Object closeLock = new Object();
    private boolean closed;

    private EmbeddedDatabase(Path base, JdbcConnectionPool pool, Connection keeper) {
        this.base = base;
        this.pool = pool;
        this.keeper = keeper;
    }

    /**
     * Opens (creating when absent) the database at {@code path}, given either as H2's base path
     * ({@code …/dbb-console}) or as the file itself ({@code …/dbb-console.mv.db}).
     *
     * @throws DatabaseException when the file is locked by another program, damaged, or cannot be written
     */
    public static EmbeddedDatabase open(Path path) {
        Path base = basePath(path);
        Path file = fileOf(base);
        if (base.toString().contains(";")) {
            throw new DatabaseException("Cannot open the database " + file + ": the path contains ';', which the"
                    + " database driver reads as a setting. Choose a folder whose path has no ';'.");
        }
        try {
            Files.createDirectories(base.getParent());
        } catch (IOException | SecurityException e) {
            throw new DatabaseException("Cannot create the folder for the database " + file + " ("
                    + e.getMessage() + "). Make " + base.getParent() + " a writable folder, or point"
                    + " DBB_CONSOLE_HOME (or --database) at one that is.", e);
        }
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + base + SETTINGS);
        source.setUser("sa");
        source.setPassword("");
        Connection keeper;
        try {
            // Held for the lifetime of this object so the database stays open between pooled connections
            // and this process keeps serving the file to others instead of closing and reopening it.
            keeper = source.getConnection();
        } catch (SQLException e) {
            throw translate(file, e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(MAX_CONNECTIONS);
        return new EmbeddedDatabase(base, pool, keeper);
    }

    /** The file on disk, for messages. */
    public Path file() {
        return fileOf(base);
    }

    /** Pooled connections to the database; closing a connection returns it to the pool. */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * Brings {@code schema} up to the newest migration found under {@code classpathLocation} (e.g.
     * {@code db/migration/meta} holding {@code V1__monitoring_integration.sql}), creating the schema and its own
     * {@code flyway_schema_history} table when absent. Migrations already applied are not run again.
     *
     * @return how many migrations ran (0 when the schema was current)
     * @throws DatabaseException when a migration fails or an applied one was changed afterwards
     */
    public int migrate(String schema, String classpathLocation) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(classpathLocation, "classpathLocation");
        try {
            Flyway flyway = Flyway.configure(EmbeddedDatabase.class.getClassLoader())
                    .dataSource(pool)
                    .schemas(schema)
                    .createSchemas(true)
                    .table(HISTORY_TABLE)
                    .locations("classpath:" + classpathLocation)
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .load();
            return flyway.migrate().migrationsExecuted;
        } catch (FlywayException e) {
            throw new DatabaseException("Cannot bring schema '" + schema + "' of the database " + file()
                    + " up to date from " + classpathLocation + ": " + e.getMessage()
                    + ". If the file was changed by a newer console, use that version; otherwise move the file"
                    + " aside to start with an empty database.", e);
        }
    }

    /** Closes the pool and this process's hold on the file; another process may then take over serving it. */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        pool.dispose();
        try {
            keeper.close();
        } catch (SQLException e) {
            throw translate(file(), e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedDatabase[" + file() + "]";
    }

    /** The message an operator can act on for a failure to open or use the file. */
    static DatabaseException translate(Path file, SQLException e) {
        String what;
        switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1, ErrorCode.DATABASE_IS_IN_EXCLUSIVE_MODE -> what =
                    "it is locked by another program that opened it without sharing (an older console, or a"
                            + " database tool). Close that program and try again; if none is running, delete "
                            + lockFile(file) + " and try again.";
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1 -> what = damaged();
            case ErrorCode.DATABASE_IS_READ_ONLY, ErrorCode.FILE_CREATION_FAILED_1, ErrorCode.IO_EXCEPTION_1,
                    ErrorCode.IO_EXCEPTION_2, ErrorCode.FILE_RENAME_FAILED_2, ErrorCode.FILE_DELETE_FAILED_1 ->
                    // H2 reports a truncated or overwritten file as an I/O error too: if nothing stops us writing,
                    // the file itself is the problem.
                    what = writable(file) ? damaged() : "the file or its folder cannot be written. Make the folder"
                            + " writable for this user, or point DBB_CONSOLE_HOME (or --database) at a writable"
                            + " folder.";
            case ErrorCode.CONNECTION_BROKEN_1 -> what = "the process that shares it stopped answering. Try"
                    + " again; if it keeps failing, close the other console windows.";
            default -> what = firstLine(e.getMessage()) + ".";
        }
        return new DatabaseException("Cannot open the database " + file + ": " + what, e);
    }

    private static String damaged() {
        return "the file is damaged or was written by an incompatible version. Move it aside (the console starts"
                + " with an empty database) and keep the copy for support.";
    }

    private static boolean writable(Path file) {
        Path folder = file.getParent();
        return Files.isDirectory(folder) && Files.isWritable(folder)
                && (!Files.exists(file) || Files.isWritable(file));
    }

    private static Path basePath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        if (name.endsWith(FILE_SUFFIX) && name.length() > FILE_SUFFIX.length()) {
            return absolute.resolveSibling(name.substring(0, name.length() - FILE_SUFFIX.length()));
        }
        return absolute;
    }

    private static Path fileOf(Path base) {
        return base.resolveSibling(base.getFileName() + FILE_SUFFIX);
    }

    private static Path lockFile(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - FILE_SUFFIX.length()) + ".lock.db");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
