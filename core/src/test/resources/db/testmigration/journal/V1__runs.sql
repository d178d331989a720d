CREATE TABLE journal.runs (run_id VARCHAR(100) NOT NULL, CONSTRAINT pk_runs PRIMARY KEY (run_id));
