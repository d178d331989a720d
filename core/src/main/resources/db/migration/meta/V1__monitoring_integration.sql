-- meta.monitoring_integration: one row per attempt of an activity, refresh or monitoring check (DESIGN §4).
-- T-SQL that H2 also runs in MSSQLServer mode. Strings are VARCHAR because the Fabric Warehouse has no NVARCHAR
-- (its VARCHAR is UTF-8); times are UTC in DATETIME2(3) (the Warehouse allows at most 6 fraction digits).
-- In a Fabric Warehouse the table belongs to the DBB deployment; there the primary key must be declared
-- NONCLUSTERED ... NOT ENFORCED, which H2 does not parse, so this script targets the embedded database and SQL Server.
CREATE TABLE meta.monitoring_integration (
    id              BIGINT IDENTITY NOT NULL,
    run_id          VARCHAR(100)  NOT NULL,
    environment     VARCHAR(100)  NOT NULL,
    stage           VARCHAR(200)  NOT NULL,
    activity        VARCHAR(400)  NOT NULL,
    item            VARCHAR(400)  NULL,
    attempt         INT           NOT NULL,
    status          VARCHAR(30)   NOT NULL,
    job_instance_id VARCHAR(100)  NULL,
    started_at      DATETIME2(3)  NOT NULL,
    ended_at        DATETIME2(3)  NULL,
    duration_ms     BIGINT        NULL,
    rows_read       BIGINT        NULL,
    rows_written    BIGINT        NULL,
    error_code      VARCHAR(200)  NULL,
    error_message   VARCHAR(4000) NULL,
    operator        VARCHAR(200)  NOT NULL,
    CONSTRAINT pk_monitoring_integration PRIMARY KEY (id)
);

-- One row that every append updates first, in the same transaction as its insert: appenders queue on its lock, so
-- ids are handed out in commit order and a reader that follows ids never sees a later id before an earlier one.
CREATE TABLE meta.monitoring_append_lock (
    id      INT    NOT NULL,
    appends BIGINT NOT NULL,
    CONSTRAINT pk_monitoring_append_lock PRIMARY KEY (id)
);

INSERT INTO meta.monitoring_append_lock (id, appends) VALUES (1, 0);
