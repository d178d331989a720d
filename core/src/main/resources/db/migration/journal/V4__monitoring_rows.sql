-- Which monitoring rows a run has stored, one per attempt and kind (start, end, skipped, breach N, overrun), with
-- the id the monitoring store gave it: a resumed run writes the rows that are missing and none twice.
CREATE TABLE journal.monitoring_rows (
    run_id  VARCHAR(100)  NOT NULL,
    stage   VARCHAR(200)  NOT NULL,
    path    VARCHAR(2000) NOT NULL,
    attempt INT           NOT NULL,
    kind    VARCHAR(40)   NOT NULL,
    row_id  BIGINT        NOT NULL,
    CONSTRAINT pk_monitoring_rows PRIMARY KEY (run_id, stage, path, attempt, kind)
);
