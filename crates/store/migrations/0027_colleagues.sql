-- Colleagues a city's focal point brings in to answer parts of the city's questionnaire: the
-- mobility department for the mobility questions, say. A respondent account with a row here is a
-- colleague (every other respondent account of the city is a focal point): it reads the city's
-- responses and changes only the sections it was given, edition by edition. Ending a colleague's
-- access keeps the row, with when it ended, so the answers it gave stay attributed.
CREATE TABLE colleagues (
    user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    city_id TEXT NOT NULL REFERENCES cities (id),
    invited_by TEXT NOT NULL,
    invited_at TEXT NOT NULL,
    ended_at TEXT
);

-- The sections (top-level groups of the edition's questionnaire) a colleague answers.
CREATE TABLE colleague_sections (
    user_id TEXT NOT NULL REFERENCES colleagues (user_id) ON DELETE CASCADE,
    edition_year BIGINT NOT NULL,
    section TEXT NOT NULL,
    PRIMARY KEY (user_id, edition_year, section)
);
