-- Pictures uploaded for a catalogue practice, checked (decoded within bounds, encoded again
-- without metadata) and kept in the database so every server serves them and backups carry
-- them. A practice version names the pictures it shows by id (the SHA-256 of the bytes).
CREATE TABLE practice_pictures (
    practice_id TEXT NOT NULL REFERENCES practices (id),
    id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    body BYTEA NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (practice_id, id)
);
