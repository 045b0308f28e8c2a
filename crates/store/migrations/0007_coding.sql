-- Free-text coding: each edition's codebook (a JSON document), and each coder's codes for each
-- free-text answer. A row with no codes records that the coder read the answer and found none
-- applied, which is not the same as not having coded it.
CREATE TABLE codebooks (
    edition_year BIGINT PRIMARY KEY REFERENCES editions (year),
    document TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE codings (
    edition_year BIGINT NOT NULL REFERENCES editions (year),
    city_id TEXT NOT NULL,
    question TEXT NOT NULL,
    entry TEXT NOT NULL,
    coder TEXT NOT NULL,
    codes TEXT NOT NULL,
    -- The passage of the answer each code applies to (code → quoted text); a code without one
    -- applies to the whole answer.
    passages TEXT NOT NULL,
    coded_at TEXT NOT NULL,
    PRIMARY KEY (edition_year, city_id, question, entry, coder)
);
