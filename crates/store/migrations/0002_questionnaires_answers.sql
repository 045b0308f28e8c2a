-- Questionnaires, each city's response to one, every answer, and every change to an answer.

-- A new version is added whenever the questionnaire of an edition changes. Answers record the
-- version they were given under; they are keyed by question name, so they survive reordering,
-- relabelling and the removal of other questions.
CREATE TABLE questionnaires (
    edition_year BIGINT NOT NULL REFERENCES editions (year) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    document TEXT NOT NULL,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (edition_year, version)
);

-- One response per city per edition. `revision` grows with every accepted save.
CREATE TABLE responses (
    edition_year BIGINT NOT NULL REFERENCES editions (year) ON DELETE CASCADE,
    city_id TEXT NOT NULL REFERENCES cities (id),
    status TEXT NOT NULL,
    revision BIGINT NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    submitted_at TEXT,
    PRIMARY KEY (edition_year, city_id)
);

-- `entry` is '' for an ordinary question and `group:id` for one entry of a repeat group.
CREATE TABLE answers (
    edition_year BIGINT NOT NULL,
    city_id TEXT NOT NULL,
    question TEXT NOT NULL,
    entry TEXT NOT NULL DEFAULT '',
    value TEXT NOT NULL,
    revision BIGINT NOT NULL,
    questionnaire_version BIGINT NOT NULL,
    evidence TEXT NOT NULL DEFAULT 'self_reported',
    evidence_note TEXT,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (edition_year, city_id, question, entry),
    FOREIGN KEY (edition_year, city_id) REFERENCES responses (edition_year, city_id) ON DELETE CASCADE
);

-- The audit trail: who changed which answer when, from what to what.
CREATE TABLE answer_changes (
    edition_year BIGINT NOT NULL,
    city_id TEXT NOT NULL,
    question TEXT NOT NULL,
    entry TEXT NOT NULL,
    revision BIGINT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    questionnaire_version BIGINT NOT NULL,
    PRIMARY KEY (edition_year, city_id, question, entry, revision)
);

CREATE INDEX answer_changes_by_city ON answer_changes (edition_year, city_id, changed_at);

-- Reviewers' comments on single answers when a submission is returned.
CREATE TABLE review_comments (
    edition_year BIGINT NOT NULL,
    city_id TEXT NOT NULL,
    question TEXT NOT NULL,
    comment TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revision BIGINT NOT NULL,
    PRIMARY KEY (edition_year, city_id, question, revision)
);
