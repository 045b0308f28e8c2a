-- The community's events log: webinars, learning meetings, presentations of the study, work
-- with partner organisations. The event is kept whole as JSON; the columns beside it are what
-- lists filter and sort on.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    starts_on TEXT NOT NULL,
    public BIGINT NOT NULL,
    document TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX events_by_start ON events (starts_on);
