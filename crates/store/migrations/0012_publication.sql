-- An edition may let the public see composite scores and levels; off unless it opts in.
ALTER TABLE editions ADD COLUMN public_scores BIGINT NOT NULL DEFAULT 0;

-- Published versions of an edition: immutable, numbered from 1, with the snapshot they were
-- made from and its content hash. A version is never deleted; it can be withdrawn with a reason.
CREATE TABLE publications (
    edition_year BIGINT NOT NULL REFERENCES editions (year),
    version BIGINT NOT NULL,
    content_hash TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL,
    withdrawn_at TEXT,
    withdrawn_reason TEXT,
    PRIMARY KEY (edition_year, version)
);

-- The files of a version (site pages, PDFs, data), kept in the database so that every server
-- sharing it serves them.
CREATE TABLE publication_files (
    edition_year BIGINT NOT NULL,
    version BIGINT NOT NULL,
    path TEXT NOT NULL,
    content_type TEXT NOT NULL,
    body BYTEA NOT NULL,
    PRIMARY KEY (edition_year, version, path),
    FOREIGN KEY (edition_year, version) REFERENCES publications (edition_year, version)
);

-- Results are stale once the accepted answers change after the analysis: every move into or out
-- of `accepted` (and every return or withdrawal) counts on the edition, and the analysis records
-- the count it read.
ALTER TABLE editions ADD COLUMN inputs_revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE analysis_results ADD COLUMN inputs_revision BIGINT NOT NULL DEFAULT 0;
