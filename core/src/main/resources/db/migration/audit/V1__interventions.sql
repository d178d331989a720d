-- Every operator intervention (DESIGN §1: manual interventions are recorded and end up in the release note).
CREATE TABLE audit.interventions (
    id          BIGINT IDENTITY NOT NULL,
    at          DATETIME2(3)  NOT NULL,
    actor       VARCHAR(200)  NOT NULL,
    environment VARCHAR(100)  NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    subject     VARCHAR(400)  NOT NULL,
    before_text VARCHAR(4000) NULL,
    after_text  VARCHAR(4000) NULL,
    run_id      VARCHAR(100)  NULL,
    reason      VARCHAR(1000) NULL,
    CONSTRAINT pk_interventions PRIMARY KEY (id)
);

CREATE INDEX ix_interventions_at ON audit.interventions (at);
