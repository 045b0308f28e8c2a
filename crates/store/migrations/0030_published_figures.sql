-- Figures a past edition's report published, each a JSON document (label as written and
-- translated, number, base, axis, corresponding question, source); one row per code.
CREATE TABLE published_figures (
    edition_year BIGINT NOT NULL REFERENCES editions (year),
    code TEXT NOT NULL,
    position BIGINT NOT NULL,
    document TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (edition_year, code)
);

-- Every change to a published figure: the document before it (NULL when it was added).
CREATE TABLE published_figure_history (
    edition_year BIGINT NOT NULL,
    code TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    previous TEXT,
    sequence BIGINT NOT NULL,
    PRIMARY KEY (edition_year, code, sequence)
);

-- The original report files of an edition, kept in the database so every server serves them.
CREATE TABLE edition_reports (
    edition_year BIGINT NOT NULL REFERENCES editions (year),
    name TEXT NOT NULL,
    body BYTEA NOT NULL,
    bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    PRIMARY KEY (edition_year, name)
);
