-- Files given as answers (a strategy document, a photo of a practice), checked and stored in the
-- database so every server serves them. `id` is the SHA-256 of the bytes kept; an answer to a
-- file question holds it. A replaced file stays: the audit trail still names it, and it counts
-- toward the response's bound on stored files.
CREATE TABLE attachments (
    edition_year BIGINT NOT NULL,
    city_id TEXT NOT NULL,
    id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    body BYTEA NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (edition_year, city_id, id),
    FOREIGN KEY (edition_year, city_id) REFERENCES responses (edition_year, city_id) ON DELETE CASCADE
);
