-- the last time a console took over a run that an earlier console left unfinished
ALTER TABLE journal.runs ADD resumed_at DATETIME2(3) NULL;
