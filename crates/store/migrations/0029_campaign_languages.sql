-- The language a person reads the study's mail in (es, en or fr); NULL until they or the
-- secretariat say, when mail goes in the study language of their city's country.
ALTER TABLE users ADD COLUMN lang TEXT;

-- Invitation and reminder texts as the secretariat wrote them for one edition, per language;
-- a language without a row gets the built-in text.
CREATE TABLE campaign_texts (
    edition_year BIGINT NOT NULL REFERENCES editions (year),
    kind TEXT NOT NULL,
    lang TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (edition_year, kind, lang)
);

-- A scheduled reminder is due so many days before the deadline; kept so that a moved deadline
-- moves the reminders still to come.
ALTER TABLE scheduled_jobs ADD COLUMN days_before BIGINT;
