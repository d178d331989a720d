-- The run journal: every run, stage, step and attempt, written ahead of acting (DESIGN §3 journal). It lives in the
-- console's own embedded database only, so JSON documents are CLOBs.
CREATE TABLE journal.runs (
    run_id        VARCHAR(100) NOT NULL,
    environment   VARCHAR(100) NOT NULL,
    operator      VARCHAR(200) NOT NULL,
    request_json  CLOB         NOT NULL,
    stages_json   CLOB         NOT NULL,
    rerun_of      VARCHAR(100) NULL,
    state         VARCHAR(20)  NOT NULL,
    created_at    DATETIME2(3) NOT NULL,
    ended_at      DATETIME2(3) NULL,
    CONSTRAINT pk_runs PRIMARY KEY (run_id)
);

CREATE INDEX ix_runs_created ON journal.runs (created_at);

CREATE TABLE journal.stages (
    run_id   VARCHAR(100) NOT NULL,
    stage    VARCHAR(200) NOT NULL,
    state    VARCHAR(20)  NOT NULL,
    ended_at DATETIME2(3) NOT NULL,
    CONSTRAINT pk_stages PRIMARY KEY (run_id, stage)
);

CREATE TABLE journal.steps (
    seq            BIGINT IDENTITY NOT NULL,
    run_id         VARCHAR(100)  NOT NULL,
    stage          VARCHAR(200)  NOT NULL,
    path           VARCHAR(2000) NOT NULL,
    state          VARCHAR(20)   NULL,
    output_json    CLOB          NULL,
    variables_json CLOB          NULL,
    reused_from    VARCHAR(100)  NULL,
    ended_at       DATETIME2(3)  NULL,
    CONSTRAINT pk_steps PRIMARY KEY (seq),
    CONSTRAINT uq_steps UNIQUE (run_id, stage, path)
);

CREATE TABLE journal.attempts (
    run_id          VARCHAR(100)  NOT NULL,
    stage           VARCHAR(200)  NOT NULL,
    path            VARCHAR(2000) NOT NULL,
    attempt         INT           NOT NULL,
    submitting_at   DATETIME2(3)  NOT NULL,
    workspace_id    VARCHAR(100)  NULL,
    item_id         VARCHAR(100)  NULL,
    job_instance_id VARCHAR(100)  NULL,
    refresh_id      VARCHAR(100)  NULL,
    status          VARCHAR(20)   NULL,
    error_code      VARCHAR(200)  NULL,
    error_message   VARCHAR(4000) NULL,
    ended_at        DATETIME2(3)  NULL,
    CONSTRAINT pk_attempts PRIMARY KEY (run_id, stage, path, attempt)
);
