package org.dbb.console.core.monitoring;

/**
 * Every SQL text the monitoring store sends, in one place. Each one is T-SQL that H2 also runs in MSSQLServer mode:
 * {@code TOP (?)} instead of {@code LIMIT}, {@code CHARINDEX} instead of {@code LIKE} so no wildcard in the user's
 * text needs escaping (T-SQL's {@code [} included), {@code LOWER} on both sides so the Warehouse's case-sensitive
 * collation and H2 agree. Stateless.
 */
final class MonitoringSql {

    static final String TABLE = "meta.monitoring_integration";

    static final String COLUMNS = "id, run_id, environment, stage, activity, item, attempt, status,"
            + " job_instance_id, started_at, ended_at, duration_ms, rows_read, rows_written, error_code,"
            + " error_message, operator";

    static final String INSERT = "INSERT INTO " + TABLE + " (run_id, environment, stage, activity, item, attempt,"
            + " status, job_instance_id, started_at, ended_at, duration_ms, rows_read, rows_written, error_code,"
            + " error_message, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Taken first in each append's transaction, so ids are handed out in commit order (embedded store only). */
    static final String LOCK_APPENDS = "UPDATE meta.monitoring_append_lock SET appends = appends + 1 WHERE id = 1";

    /** The first rows after an id, oldest first; filter fragments go between this and {@link #ORDER_BY_ID}. */
    static final String SELECT_AFTER = "SELECT TOP (?) " + COLUMNS + " FROM " + TABLE + " WHERE id > ?";

    /** The rows in an id range, oldest first; filter fragments go between this and {@link #ORDER_BY_ID}. */
    static final String SELECT_RANGE = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id > ? AND id <= ?";

    /** The newest rows, newest first; filter fragments go between this and {@link #ORDER_BY_ID_DESC}. */
    static final String SELECT_LATEST = "SELECT TOP (?) " + COLUMNS + " FROM " + TABLE + " WHERE id > 0";

    /** The ids committed after an id, whatever the filter: how a follower tells a gap from a filtered-out row. */
    static final String SELECT_IDS_AFTER = "SELECT TOP (?) id FROM " + TABLE + " WHERE id > ? ORDER BY id";

    static final String SELECT_MAX_ID = "SELECT MAX(id) FROM " + TABLE;

    static final String AND_ENVIRONMENT = " AND environment = ?";
    static final String AND_RUN_ID = " AND run_id = ?";
    static final String AND_STAGE = " AND stage = ?";
    static final String AND_STATUS = " AND status = ?";
    /** Takes the lower-cased text four times. */
    static final String AND_TEXT = " AND (CHARINDEX(?, LOWER(activity)) > 0 OR CHARINDEX(?, LOWER(item)) > 0"
            + " OR CHARINDEX(?, LOWER(error_code)) > 0 OR CHARINDEX(?, LOWER(error_message)) > 0)";

    static final String ORDER_BY_ID = " ORDER BY id";
    static final String ORDER_BY_ID_DESC = " ORDER BY id DESC";

    /** Column sizes of the table; values beyond them are rejected, except the error message, which is cut. */
    static final int RUN_ID_MAX = 100;
    static final int ENVIRONMENT_MAX = 100;
    static final int STAGE_MAX = 200;
    static final int ACTIVITY_MAX = 400;
    static final int ITEM_MAX = 400;
    static final int STATUS_MAX = 30;
    static final int JOB_INSTANCE_ID_MAX = 100;
    static final int ERROR_CODE_MAX = 200;
    static final int OPERATOR_MAX = 200;
    /** In bytes of UTF-8: a Warehouse VARCHAR(n) holds n bytes, an H2 one n characters; bytes bound both. */
    static final int ERROR_MESSAGE_MAX_BYTES = 4000;

    private MonitoringSql() {
    }
}
