-- The community keeping itself: renewal rounds of the member list, applications to join, the
-- leadership record, the activity plan, and the downloads of published files the server counts.

-- A round asks every member to confirm, update or leave. Only one is open at a time.
CREATE TABLE renewal_rounds (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    closed_at TEXT,
    opened_by TEXT NOT NULL
);

-- One row per member asked. The token's hash is what the mailed link carries; the row is never
-- deleted, so a member's answers in every round stay on record.
CREATE TABLE renewal_replies (
    round_id TEXT NOT NULL REFERENCES renewal_rounds (id),
    city_id TEXT NOT NULL REFERENCES cities (id),
    token_hash TEXT NOT NULL UNIQUE,
    answer TEXT NOT NULL,
    answered_at TEXT,
    reminders BIGINT NOT NULL,
    note TEXT,
    PRIMARY KEY (round_id, city_id)
);

CREATE TABLE member_applications (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    document TEXT NOT NULL,
    decided_at TEXT,
    decided_by TEXT
);

-- The leadership record (one row, id 1) and the activity plan, each kept whole as JSON.
CREATE TABLE leadership (
    id BIGINT PRIMARY KEY,
    document TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE activities (
    id TEXT PRIMARY KEY,
    semester TEXT NOT NULL,
    document TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX activities_by_semester ON activities (semester);

-- Downloads of a published edition's files, by edition and day: counts, never who.
CREATE TABLE downloads (
    edition_year BIGINT NOT NULL,
    file TEXT NOT NULL,
    day TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (edition_year, file, day)
);
