-- The latest analysis of each edition, as the analysis computed it (a JSON document), with the
-- method version and the hash of its inputs so a figure can be traced to what produced it.
CREATE TABLE analysis_results (
    edition_year BIGINT PRIMARY KEY REFERENCES editions (year),
    method_version TEXT NOT NULL,
    input_hash TEXT NOT NULL,
    document TEXT NOT NULL,
    computed_at TEXT NOT NULL
);
