-- Collection and publication become separate: whether an edition takes answers (planning, open,
-- closed) and whether its findings are public no longer share one status, so publishing a
-- version never closes a campaign.
ALTER TABLE editions ADD COLUMN collection TEXT NOT NULL DEFAULT 'planning';
ALTER TABLE editions ADD COLUMN published BIGINT NOT NULL DEFAULT 0;
UPDATE editions SET collection = CASE status
        WHEN 'collecting' THEN 'open'
        WHEN 'analysing' THEN 'closed'
        WHEN 'published' THEN 'closed'
        ELSE 'planning' END,
    published = CASE status WHEN 'published' THEN 1 ELSE 0 END;
ALTER TABLE editions DROP COLUMN status;

-- A city may be given until a later day than the edition's deadline (ISO date, last day included).
ALTER TABLE responses ADD COLUMN deadline TEXT;

-- A version is made first and goes public when the secretariat says: at once, at a scheduled
-- moment, or after a private preview (public_at NULL). Earlier versions were public at once.
ALTER TABLE publications ADD COLUMN public_at TEXT;
UPDATE publications SET public_at = published_at;
-- Published while cities were still answering: its findings are provisional.
ALTER TABLE publications ADD COLUMN provisional BIGINT NOT NULL DEFAULT 0;

-- Work due at a moment (a version going public at its scheduled time), done once by whichever
-- server claims it first.
CREATE TABLE scheduled_jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    edition_year BIGINT NOT NULL REFERENCES editions (year),
    version BIGINT NOT NULL,
    due_at TEXT NOT NULL,
    claimed_by TEXT,
    claimed_at TEXT,
    done_at TEXT,
    cancelled_at TEXT
);
CREATE INDEX scheduled_jobs_due ON scheduled_jobs (due_at);
