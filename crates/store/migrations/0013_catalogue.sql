-- The good-practice catalogue. Each practice's current version is a JSON document the domain
-- type reads back, beside the columns lists and permissions filter on. Every change takes the
-- next number of the catalogue's sequence: search indexes (one per server) apply the changes
-- after the number they last applied, whichever server made them.
CREATE TABLE practices (
    id TEXT PRIMARY KEY,
    city_id TEXT NOT NULL REFERENCES cities (id),
    status TEXT NOT NULL,
    version BIGINT NOT NULL,
    document TEXT NOT NULL,
    source_edition BIGINT,
    source_entry BIGINT,
    seq BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    published_at TEXT
);
CREATE INDEX practices_by_seq ON practices (seq);
CREATE INDEX practices_by_city ON practices (city_id);
-- A questionnaire entry becomes at most one practice, whatever happens to its response later.
CREATE UNIQUE INDEX practices_by_source ON practices (city_id, source_edition, source_entry);

-- Every version of every practice, never changed or deleted: who wrote it, when, in which
-- status, and the secretariat's comment when it was returned.
CREATE TABLE practice_versions (
    practice_id TEXT NOT NULL REFERENCES practices (id),
    version BIGINT NOT NULL,
    status TEXT NOT NULL,
    document TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    comment TEXT,
    PRIMARY KEY (practice_id, version)
);

CREATE TABLE catalogue_sequence (
    id BIGINT PRIMARY KEY,
    seq BIGINT NOT NULL
);
INSERT INTO catalogue_sequence (id, seq) VALUES (1, 0);
