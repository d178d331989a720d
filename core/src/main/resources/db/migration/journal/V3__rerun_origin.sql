-- who started the run a re-run repeats part of: CONSOLE (rerun_of is a run of this journal) or FABRIC (rerun_of is
-- a job instance id of the master pipeline that Fabric ran); empty for runs that re-run nothing
ALTER TABLE journal.runs ADD rerun_of_origin VARCHAR(20) NULL;

CREATE INDEX ix_runs_rerun_of ON journal.runs (rerun_of);
