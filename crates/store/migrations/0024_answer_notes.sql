-- A respondent's note on one answer ("figure from 2022, the 2024 one is not out yet"), or on a
-- question left unanswered. Reviewers read it and exports carry it; nothing public shows it.
-- `entry` is '' for an ordinary question and `group:id` for one entry of a repeat group.
CREATE TABLE answer_notes (
    edition_year BIGINT NOT NULL,
    city_id TEXT NOT NULL,
    question TEXT NOT NULL,
    entry TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL,
    revision BIGINT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (edition_year, city_id, question, entry),
    FOREIGN KEY (edition_year, city_id) REFERENCES responses (edition_year, city_id) ON DELETE CASCADE
);
